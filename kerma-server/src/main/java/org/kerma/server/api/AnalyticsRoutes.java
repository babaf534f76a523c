package org.kerma.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Locale;
import org.kerma.registry.dose.DoseAnalytics;
import org.kerma.registry.dose.DoseAnalytics.GroupBy;
import org.kerma.registry.query.StudyFilter;

/**
 * {@code GET /api/analytics?from=&to=&groupBy=device|protocol|bodyPart}: count, median and quartiles of the study
 * dose quantities per group over a range of study dates, and the workload by weekday and hour
 * ({@link DoseAnalytics}). Without dates: the twelve months up to today.
 */
final class AnalyticsRoutes {
    private final DoseAnalytics analytics;

    AnalyticsRoutes(DoseAnalytics analytics) {
        this.analytics = analytics;
    }

    void addTo(Javalin app) {
        app.get("/api/analytics", this::analyse);
    }

    private void analyse(Context ctx) {
        try {
            String toParam = StudyFilter.studyDate(ctx.queryParam("to"));
            LocalDate to = toParam == null ? LocalDate.now() : LocalDate.parse(AlertRoutes.isoDate(toParam));
            String fromParam = StudyFilter.studyDate(ctx.queryParam("from"));
            LocalDate from = fromParam == null ? to.minusYears(1).plusDays(1)
                    : LocalDate.parse(AlertRoutes.isoDate(fromParam));
            ctx.json(analytics.analyse(from, to, groupBy(ctx.queryParam("groupBy"))));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    static GroupBy groupBy(String value) {
        if (value == null || value.isBlank()) {
            return GroupBy.DEVICE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "device" -> GroupBy.DEVICE;
            case "protocol" -> GroupBy.PROTOCOL;
            case "bodypart", "body_part" -> GroupBy.BODY_PART;
            default -> throw new IllegalArgumentException("groupBy must be device, protocol or bodyPart, not '"
                    + value + "'");
        };
    }
}
