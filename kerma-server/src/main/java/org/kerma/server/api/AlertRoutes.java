package org.kerma.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.kerma.dose.reference.AlertRule;
import org.kerma.dose.reference.DoseQuantity;
import org.kerma.dose.reference.ExamMatch;
import org.kerma.dose.reference.Quantities;
import org.kerma.registry.alert.AlertQueries;
import org.kerma.registry.alert.AlertQueries.AlertFilter;
import org.kerma.registry.alert.ReferenceData;
import org.kerma.registry.query.StudyFilter;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Accounts.Principal;
import org.kerma.server.auth.Role;

/**
 * The alert inbox and rules (docs/reference-levels.md): {@code GET /api/alerts} (filters {@code state} OPEN or
 * ACKNOWLEDGED, {@code study}, {@code from}, {@code to} (Study Date); paging {@code offset}, {@code limit}),
 * {@code POST /api/alerts/{id}/acknowledge} with {@code {"comment"}} by the signed-in physicist (audit-logged), {@code GET /api/alert-rules} and
 * {@code POST /api/alert-rules} (a local rule, or a change to the rule of that name; threshold given as
 * {@code value} and {@code unit}).
 */
final class AlertRoutes {
    static final ObjectMapper JSON = new ObjectMapper();

    private final AlertQueries alerts;
    private final ReferenceData reference;
    private final Accounts accounts;

    AlertRoutes(AlertQueries alerts, ReferenceData reference, Accounts accounts) {
        this.alerts = alerts;
        this.reference = reference;
        this.accounts = accounts;
    }

    void addTo(Javalin app) {
        app.get("/api/alerts", this::list);
        app.post("/api/alerts/{id}/acknowledge", this::acknowledge);
        app.get("/api/alert-rules", ctx -> ctx.json(Map.of("rules", reference.rules().stream()
                .map(AlertRoutes::ruleJson).toList())));
        app.post("/api/alert-rules", this::saveRule);
    }

    private void list(Context ctx) {
        try {
            String state = ctx.queryParam("state");
            ctx.json(alerts.alerts(new AlertFilter(state == null ? null : state.trim().toUpperCase(),
                    ctx.queryParam("study"), isoDate(ctx.queryParam("from")), isoDate(ctx.queryParam("to")),
                    StudyRoutes.integer(ctx, "limit", 50), StudyRoutes.integer(ctx, "offset", 0))));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private void acknowledge(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("alert " + ctx.pathParam("id"));
        }
        Principal p = AuthRoutes.require(ctx, Role.PHYSICIST);
        JsonNode body = body(ctx);
        try {
            String comment = text(body, "comment");
            ctx.json(alerts.acknowledge(id, p.user().name(), comment, Instant.now())
                    .orElseThrow(() -> ApiException.notFound("alert " + id)));
            accounts.audit(p.user().name(), "ACKNOWLEDGE", "alert " + id + ": " + comment, ctx.ip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private void saveRule(Context ctx) {
        AuthRoutes.require(ctx, Role.PHYSICIST);
        JsonNode b = body(ctx);
        AlertRule rule;
        try {
            DoseQuantity q = quantity(b);
            String name = required(b, "name");
            boolean shipped = reference.rules().stream().anyMatch(r -> r.name().equals(name) && r.shipped());
            rule = new AlertRule(name, ExamMatch.of(text(b, "modality"), text(b, "match"), text(b, "exclude")),
                    text(b, "device"), q, Quantities.canonical(number(b, "value"), required(b, "unit"), q),
                    b.path("windowDays").asInt(0), Optional.ofNullable(text(b, "source")).orElse("local"), shipped,
                    b.path("enabled").asBoolean(true));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        reference.saveRule(rule);
        ctx.status(201).json(ruleJson(rule));
    }

    static Map<String, Object> ruleJson(AlertRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("modality", r.match().modalityList());
        m.put("device", r.device());
        m.put("match", r.match().pattern());
        m.put("exclude", r.match().exclude());
        m.put("quantity", r.quantity().name());
        m.put("threshold", r.threshold());
        m.put("unit", r.quantity().unit().ucum());
        m.put("windowDays", r.windowDays());
        m.put("source", r.source());
        m.put("origin", r.shipped() ? "DEFAULT" : "LOCAL");
        m.put("enabled", r.enabled());
        return m;
    }

    static JsonNode body(Context ctx) {
        try {
            JsonNode b = JSON.readTree(ctx.body());
            if (b == null || !b.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return b;
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getMessage());
        }
    }

    static String text(JsonNode b, String field) {
        JsonNode n = b.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static String required(JsonNode b, String field) {
        String v = text(b, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return v.strip();
    }

    static double number(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return n.asDouble();
    }

    static DoseQuantity quantity(JsonNode b) {
        String q = required(b, "quantity");
        return DoseQuantity.of(q).orElseThrow(() -> new IllegalArgumentException("unknown quantity '" + q
                + "' (one of " + java.util.Arrays.toString(DoseQuantity.values()) + ")"));
    }

    /** YYYYMMDD or YYYY-MM-DD to YYYY-MM-DD (the alert table's form); null stays null. */
    static String isoDate(String value) {
        String d = StudyFilter.studyDate(value);
        return d == null ? null : d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6);
    }
}
