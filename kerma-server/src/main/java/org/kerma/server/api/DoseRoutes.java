package org.kerma.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kerma.registry.dose.DoseAnswers;
import org.kerma.registry.dose.DoseQueries;
import org.kerma.registry.query.StudyFilter;

/**
 * The dose answers (docs/dose.md, "REST"): {@code /api/studies/{uid}/dose} (reports, accumulated dose per plane,
 * events with their images, events without images, summary), {@code /api/instances/{uid}/dose} (an image's
 * technique and the events that produced it; a dose report's events) and {@code /api/patients/{id}/dose} (a
 * patient's studies and totals over a period, {@code from}, {@code to}, {@code issuer}).
 */
final class DoseRoutes {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DoseQueries dose;

    DoseRoutes(DoseQueries dose) {
        this.dose = dose;
    }

    void addTo(Javalin app) {
        app.get("/api/studies/{study}/dose", this::study);
        app.get("/api/instances/{instance}/dose", this::instance);
        app.get("/api/patients/{patient}/dose", this::patient);
    }

    private void study(Context ctx) {
        String uid = ctx.pathParam("study");
        ctx.json(dose.study(uid).orElseThrow(() -> ApiException.notFound("study " + uid)));
    }

    private void instance(Context ctx) {
        String uid = ctx.pathParam("instance");
        DoseAnswers.InstanceDose d = dose.instance(uid).orElseThrow(() -> ApiException.notFound("instance " + uid));
        ctx.json(instanceJson(d));
    }

    /**
     * The instance answer with each event flattened: for an image the event's fields with the link's method and
     * time difference (no images); for a dose report (no method) the event's fields with its images.
     */
    static Map<String, Object> instanceJson(DoseAnswers.InstanceDose d) {
        List<Map<String, Object>> events = d.events().stream().map(e -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> event = MAPPER.convertValue(e.event(), LinkedHashMap.class);
            if (e.method() != null) { // an image's event
                event.remove("images");
                event.put("method", e.method());
                event.put("timeDifferenceS", e.timeDifferenceS());
            }
            return event;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sopInstanceUid", d.sopInstanceUid());
        body.put("studyInstanceUid", d.studyInstanceUid());
        body.put("modality", d.modality());
        body.put("technique", d.technique());
        body.put("events", events);
        return body;
    }

    private void patient(Context ctx) {
        String id = ctx.pathParam("patient");
        String from;
        String to;
        try {
            from = StudyFilter.studyDate(ctx.queryParam("from"));
            to = StudyFilter.studyDate(ctx.queryParam("to"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String issuer = ctx.queryParam("issuer");
        ctx.json(dose.patient(id, issuer == null || issuer.isBlank() ? null : issuer.trim(), from, to)
                .orElseThrow(() -> ApiException.notFound("patient " + id)));
    }
}
