package org.kerma.server.api;

import static org.kerma.server.api.AlertRoutes.body;
import static org.kerma.server.api.AlertRoutes.number;
import static org.kerma.server.api.AlertRoutes.required;
import static org.kerma.server.api.AlertRoutes.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kerma.dose.reference.DoseQuantity;
import org.kerma.dose.reference.ExamMatch;
import org.kerma.dose.reference.Quantities;
import org.kerma.dose.reference.ReferenceLevel;
import org.kerma.dose.reference.ReferencePack;
import org.kerma.registry.alert.AlertQueries;
import org.kerma.registry.alert.ReferenceData;
import org.kerma.server.auth.Role;

/**
 * Reference levels (docs/reference-levels.md): {@code GET /api/reference-levels} (every pack version with its
 * levels, values in canonical units), {@code POST /api/reference-levels} (a local level, in a local pack created on
 * first use) and {@code GET /api/studies/{uid}/reference-levels} (the study compared with the levels valid at its
 * date: level, value, ratio, exceeded).
 */
final class ReferenceLevelRoutes {
    private final AlertQueries alerts;
    private final ReferenceData reference;

    ReferenceLevelRoutes(AlertQueries alerts, ReferenceData reference) {
        this.alerts = alerts;
        this.reference = reference;
    }

    void addTo(Javalin app) {
        app.get("/api/reference-levels", ctx -> ctx.json(Map.of("packs", reference.packs().stream()
                .map(p -> packJson(p.pack())).toList())));
        app.post("/api/reference-levels", this::add);
        app.get("/api/studies/{study}/reference-levels", this::study);
    }

    private void study(Context ctx) {
        String uid = ctx.pathParam("study");
        ctx.json(Map.of("studyInstanceUid", uid, "comparisons", alerts.comparisons(uid)
                .orElseThrow(() -> ApiException.notFound("study " + uid))));
    }

    private void add(Context ctx) {
        AuthRoutes.require(ctx, Role.PHYSICIST);
        JsonNode b = body(ctx);
        long id;
        try {
            JsonNode p = b.path("pack");
            if (!p.isObject()) {
                throw new IllegalArgumentException("'pack' (id, jurisdiction, name, version, validFrom, source) is"
                        + " required");
            }
            String validTo = text(p, "validTo");
            ReferencePack pack = new ReferencePack(required(p, "id"), required(p, "jurisdiction"),
                    required(p, "name"), required(p, "version"), date(required(p, "validFrom")),
                    validTo == null || validTo.isBlank() ? Optional.empty() : Optional.of(date(validTo)),
                    required(p, "source"), false, List.of());
            DoseQuantity q = AlertRoutes.quantity(b);
            ReferenceLevel level = new ReferenceLevel(required(b, "exam"), ExamMatch.of(text(b, "modality"),
                    text(b, "match"), text(b, "exclude")), q,
                    Quantities.canonical(number(b, "value"), required(b, "unit"), q),
                    Optional.ofNullable(text(b, "note")).orElse(""));
            id = reference.addLocalLevel(pack, level);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ctx.status(201).json(Map.of("id", id));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a date must be YYYY-MM-DD, was '" + text + "'");
        }
    }

    static Map<String, Object> packJson(ReferencePack p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("jurisdiction", p.jurisdiction());
        m.put("name", p.name());
        m.put("version", p.version());
        m.put("validFrom", p.validFrom().toString());
        m.put("validTo", p.validTo().map(LocalDate::toString).orElse(null));
        m.put("source", p.source());
        m.put("origin", p.shipped() ? "SHIPPED" : "LOCAL");
        m.put("levels", p.levels().stream().map(l -> {
            Map<String, Object> lv = new LinkedHashMap<>();
            lv.put("exam", l.exam());
            lv.put("modality", l.match().modalityList());
            lv.put("match", l.match().pattern());
            lv.put("exclude", l.match().exclude());
            lv.put("quantity", l.quantity().name());
            lv.put("value", l.value());
            lv.put("unit", l.quantity().unit().ucum());
            lv.put("note", l.note());
            return lv;
        }).toList());
        return m;
    }
}
