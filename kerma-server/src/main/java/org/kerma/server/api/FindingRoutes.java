package org.kerma.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kerma.registry.query.FindingBrowse;
import org.kerma.registry.query.FindingFilter;
import org.kerma.registry.query.StudyFilter;

/**
 * What extraction and validation found wrong with stored objects: {@code /api/instances/{uid}/findings},
 * {@code /api/studies/{uid}/findings} (per instance) and {@code /api/findings} (filters {@code severity},
 * {@code source}, {@code modality}, {@code from}, {@code to} (Study Date, YYYYMMDD or YYYY-MM-DD); counts per source
 * and severity of all matches; paging {@code offset}, {@code limit}, newest first).
 */
final class FindingRoutes {
    private final FindingBrowse findings;

    FindingRoutes(FindingBrowse findings) {
        this.findings = findings;
    }

    void addTo(Javalin app) {
        app.get("/api/findings", this::list);
        app.get("/api/instances/{instance}/findings", this::ofInstance);
        app.get("/api/studies/{study}/findings", this::ofStudy);
    }

    private void list(Context ctx) {
        FindingFilter filter;
        try {
            filter = new FindingFilter(FindingFilter.severity(ctx.queryParam("severity")), ctx.queryParam("source"),
                    ctx.queryParam("modality"), StudyFilter.studyDate(ctx.queryParam("from")),
                    StudyFilter.studyDate(ctx.queryParam("to")), StudyRoutes.integer(ctx, "offset", 0),
                    StudyRoutes.integer(ctx, "limit", 50));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ctx.json(findings.list(filter));
    }

    private void ofInstance(Context ctx) {
        String uid = ctx.pathParam("instance");
        ctx.json(findings.ofInstance(uid).orElseThrow(() -> ApiException.notFound("instance " + uid)));
    }

    private void ofStudy(Context ctx) {
        String uid = ctx.pathParam("study");
        List<FindingBrowse.InstanceFindings> instances = findings.ofStudy(uid)
                .orElseThrow(() -> ApiException.notFound("study " + uid));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("studyInstanceUid", uid);
        body.put("instances", instances);
        ctx.json(body);
    }
}
