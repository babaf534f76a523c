package org.kerma.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Accounts.Principal;
import org.kerma.server.auth.Role;

/**
 * {@code /api/users} and {@code /api/audit}, for admins only: list, add, change (role, password) and remove users;
 * read the audit log. Changes are audit-logged.
 */
final class UserRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Accounts accounts;

    UserRoutes(Accounts accounts) {
        this.accounts = accounts;
    }

    void addTo(Javalin app) {
        app.get("/api/users", this::list);
        app.post("/api/users", this::add);
        app.put("/api/users/{name}", this::change);
        app.delete("/api/users/{name}", this::remove);
        app.get("/api/audit", this::audit);
    }

    private void list(Context ctx) {
        AuthRoutes.require(ctx, Role.ADMIN);
        ctx.json(Map.of("users", accounts.users().stream().map(UserRoutes::json).toList()));
    }

    private static Map<String, Object> json(Accounts.User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.name());
        m.put("role", u.role().label());
        m.put("createdAt", u.createdAt());
        return m;
    }

    private void add(Context ctx) {
        Principal admin = AuthRoutes.require(ctx, Role.ADMIN);
        JsonNode body = body(ctx);
        Accounts.User user;
        try {
            user = accounts.add(body.path("name").asText(""), Role.parse(body.path("role").asText("")),
                    body.path("password").asText("").toCharArray());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        accounts.audit(admin.user().name(), "USER_ADDED", user.name() + " as " + user.role().label(), ctx.ip());
        ctx.status(201).json(json(user));
    }

    private void change(Context ctx) {
        Principal admin = AuthRoutes.require(ctx, Role.ADMIN);
        String name = ctx.pathParam("name");
        JsonNode body = body(ctx);
        boolean found = true;
        try {
            if (body.hasNonNull("role")) {
                Role role = Role.parse(body.get("role").asText());
                if (name.equals(admin.user().name()) && role != Role.ADMIN) {
                    throw ApiException.badRequest("an admin cannot take the admin role from themselves");
                }
                found = accounts.setRole(name, role);
                accounts.audit(admin.user().name(), "USER_ROLE", name + " to " + role.label(), ctx.ip());
            }
            if (found && body.hasNonNull("password")) {
                found = accounts.setPassword(name, body.get("password").asText().toCharArray());
                accounts.audit(admin.user().name(), "USER_PASSWORD", name, ctx.ip());
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (!found) {
            throw new ApiException(404, "no user named " + name);
        }
        ctx.json(json(accounts.user(name).orElseThrow()));
    }

    private void remove(Context ctx) {
        Principal admin = AuthRoutes.require(ctx, Role.ADMIN);
        String name = ctx.pathParam("name");
        if (name.equals(admin.user().name())) {
            throw ApiException.badRequest("an admin cannot remove themselves");
        }
        if (!accounts.remove(name)) {
            throw new ApiException(404, "no user named " + name);
        }
        accounts.audit(admin.user().name(), "USER_REMOVED", name, ctx.ip());
        ctx.status(204);
    }

    private void audit(Context ctx) {
        AuthRoutes.require(ctx, Role.ADMIN);
        int limit = StudyRoutes.integer(ctx, "limit", 200);
        List<Accounts.AuditEntry> entries = accounts.auditLog(Math.max(1, Math.min(limit, 5000)));
        ctx.json(Map.of("entries", entries));
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getMessage());
        }
    }
}
