package org.kerma.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kerma.protocol.CrossReferenceTree;
import org.kerma.registry.protocol.ProtocolDose;
import org.kerma.registry.protocol.ProtocolQueries;

/**
 * {@code /api/protocols}: the protocol library (filters {@code kind} (defined, performed, all; default defined),
 * {@code modality}, {@code manufacturer}, {@code model}, {@code anatomy}, {@code name}; paging {@code offset},
 * {@code limit}), one protocol with its elements and constraints, its compliance, the dose per element; and
 * {@code /api/studies/{study}/protocols}, the cross references of a study as a tree (docs/protocols.md, "REST").
 */
final class ProtocolRoutes {
    private final ProtocolQueries protocols;
    private final ProtocolDose dose;

    ProtocolRoutes(ProtocolQueries protocols, ProtocolDose dose) {
        this.protocols = protocols;
        this.dose = dose;
    }

    void addTo(Javalin app) {
        app.get("/api/protocols", this::library);
        app.get("/api/protocols/{uid}", this::one);
        app.get("/api/protocols/{uid}/compliance", this::compliance);
        app.get("/api/protocols/{uid}/dose", this::dose);
        app.get("/api/studies/{study}/protocols", this::studyTree);
    }

    private void library(Context ctx) {
        ProtocolQueries.LibraryFilter filter;
        try {
            filter = new ProtocolQueries.LibraryFilter(ctx.queryParam("kind"), ctx.queryParam("modality"),
                    ctx.queryParam("manufacturer"), ctx.queryParam("model"), ctx.queryParam("anatomy"),
                    ctx.queryParam("name"), StudyRoutes.integer(ctx, "offset", 0),
                    StudyRoutes.integer(ctx, "limit", 50));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ctx.json(protocols.library(filter));
    }

    private void one(Context ctx) {
        String uid = ctx.pathParam("uid");
        ctx.json(protocols.protocol(uid).orElseThrow(() -> ApiException.notFound("protocol " + uid)));
    }

    private void compliance(Context ctx) {
        String uid = ctx.pathParam("uid");
        ctx.json(protocols.compliance(uid).orElseThrow(() -> ApiException.notFound("protocol " + uid)));
    }

    private void dose(Context ctx) {
        String uid = ctx.pathParam("uid");
        ctx.json(dose.of(uid).orElseThrow(() -> ApiException.notFound("protocol " + uid)));
    }

    private void studyTree(Context ctx) {
        String study = ctx.pathParam("study");
        CrossReferenceTree tree = protocols.studyTree(study).orElseThrow(() -> ApiException.notFound("study " + study));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("studyInstanceUid", study);
        body.put("roots", tree.roots());
        body.put("findings", tree.findings());
        ctx.json(body);
    }
}
