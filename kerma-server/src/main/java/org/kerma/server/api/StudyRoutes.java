package org.kerma.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.kerma.registry.query.Browse;
import org.kerma.registry.query.StudyFilter;

/**
 * {@code /api/studies}: the study list (filters {@code patientId}, {@code from}, {@code to} (YYYYMMDD or
 * YYYY-MM-DD), {@code modality}, {@code accession}, {@code device} (an id from {@code /api/devices}),
 * {@code minDapGym2}, {@code minDlpMGyCm}; paging {@code offset}, {@code limit}; each row with its dose summary), one
 * study, its series, a series' instances. For the viewer role, Patient ID and Patient Name are null.
 */
final class StudyRoutes {
    private final Browse browse;

    StudyRoutes(Browse browse) {
        this.browse = browse;
    }

    void addTo(Javalin app) {
        app.get("/api/studies", this::list);
        app.get("/api/studies/{study}", this::one);
        app.get("/api/studies/{study}/series", this::series);
        app.get("/api/studies/{study}/series/{series}/instances", this::instances);
    }

    private void list(Context ctx) {
        StudyFilter filter = filter(ctx);
        boolean identifiers = AuthRoutes.seesPatientIdentifiers(ctx);
        Browse.Page<Browse.Study> page = browse.studies(filter);
        ctx.json(identifiers ? page : new Browse.Page<>(page.total(), page.offset(), page.limit(),
                page.items().stream().map(StudyRoutes::withoutPatientIdentifiers).toList()));
    }

    /**
     * The study filter of the query parameters. A caller who may not see patient identifiers may not filter by
     * Patient ID either (that would tell them whose study it is).
     */
    static StudyFilter filter(Context ctx) {
        if (ctx.queryParam("patientId") != null && !ctx.queryParam("patientId").isBlank()
                && !AuthRoutes.seesPatientIdentifiers(ctx)) {
            throw new ApiException(403, "the " + AuthRoutes.principal(ctx).user().role().label()
                    + " role does not see patient identifiers, so it cannot filter by patientId");
        }
        try {
            String device = ctx.queryParam("device");
            return new StudyFilter(ctx.queryParam("patientId"), StudyFilter.studyDate(ctx.queryParam("from")),
                    StudyFilter.studyDate(ctx.queryParam("to")), ctx.queryParam("modality"), ctx.queryParam("accession"),
                    integer(ctx, "offset", 0), integer(ctx, "limit", 50))
                    .withMinimumDose(number(ctx, "minDapGym2"), number(ctx, "minDlpMGyCm"))
                    .withDevice(device == null || device.isBlank() ? null : (long) integer(ctx, "device", 0));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The study with Patient ID and Patient Name left out (null), for callers who may not see them. */
    static Browse.Study withoutPatientIdentifiers(Browse.Study s) {
        return new Browse.Study(s.studyInstanceUid(), s.studyDate(), s.studyTime(), s.accessionNumber(), s.studyId(),
                s.studyDescription(), null, null, s.modalities(), s.series(), s.instances(), s.dose());
    }

    private void one(Context ctx) {
        String uid = ctx.pathParam("study");
        Browse.Study study = browse.study(uid).orElseThrow(() -> ApiException.notFound("study " + uid));
        ctx.json(AuthRoutes.seesPatientIdentifiers(ctx) ? study : withoutPatientIdentifiers(study));
    }

    private void series(Context ctx) {
        String uid = ctx.pathParam("study");
        List<Browse.Series> series = browse.series(uid);
        if (series.isEmpty() && browse.study(uid).isEmpty()) {
            throw ApiException.notFound("study " + uid);
        }
        ctx.json(Map.of("studyInstanceUid", uid, "series", series));
    }

    private void instances(Context ctx) {
        String study = ctx.pathParam("study");
        String series = ctx.pathParam("series");
        List<Browse.Instance> instances = browse.instances(study, series);
        if (instances.isEmpty()) {
            throw ApiException.notFound("series " + series + " of study " + study);
        }
        ctx.json(Map.of("studyInstanceUid", study, "seriesInstanceUid", series, "instances", instances));
    }

    private static Double number(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + v + "'");
        }
    }

    static int integer(Context ctx, String name, int defaultValue) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
        }
    }
}
