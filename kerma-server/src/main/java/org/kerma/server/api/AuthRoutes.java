package org.kerma.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Accounts.Principal;
import org.kerma.server.auth.Accounts.User;
import org.kerma.server.auth.Role;

/**
 * Who is calling, and whether they may: every {@code /api} route except {@link #OPEN} requires a session cookie
 * (from {@code POST /api/auth/signin}) or a bearer token ({@code Authorization: Bearer ...}, from
 * {@code POST /api/auth/token} or {@code kerma user token}). A state-changing request (POST, PUT, PATCH, DELETE)
 * made with the cookie must carry the session's CSRF token in {@code X-CSRF-Token}; a bearer token is not sent by
 * browsers on their own, so it needs none. The cookie is HttpOnly, SameSite=Strict, and Secure when the request came
 * over HTTPS. Sign-ins, failed sign-ins, sign-outs and tokens issued go to the audit log.
 */
final class AuthRoutes {
    static final String COOKIE = "kerma_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Routes anyone may call. */
    static final Set<String> OPEN = Set.of("/api/health", "/api/openapi.json", "/api/auth/signin",
            "/api/auth/token");
    private static final String PRINCIPAL = "kerma.principal";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Accounts accounts;

    AuthRoutes(Accounts accounts) {
        this.accounts = accounts;
    }

    void addTo(Javalin app) {
        app.before("/api/*", this::authenticate);
        app.before("/api/patients/*", ctx -> {
            if (!seesPatientIdentifiers(ctx)) {
                throw new ApiException(403, "the viewer role does not see patient identifiers, so it has no patient"
                        + " view");
            }
        });
        app.post("/api/auth/signin", this::signIn);
        app.post("/api/auth/signout", this::signOut);
        app.get("/api/auth/me", this::me);
        app.post("/api/auth/token", this::token);
    }

    /** The caller of a request that passed authentication. */
    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new ApiException(401, "sign in first (session cookie or bearer token)");
        }
        return p;
    }

    /** The caller, who must have at least {@code role}. */
    static Principal require(Context ctx, Role role) {
        Principal p = principal(ctx);
        if (!p.user().role().includes(role)) {
            throw new ApiException(403, ctx.method() + " " + ctx.path() + " needs the " + role.label() + " role; "
                    + p.user().name() + " is " + p.user().role().label());
        }
        return p;
    }

    /** Whether the caller may see patient name, ID and birth date. */
    static boolean seesPatientIdentifiers(Context ctx) {
        return principal(ctx).user().role().seesPatientIdentifiers();
    }

    private void authenticate(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS || OPEN.contains(ctx.path())) {
            return;
        }
        Optional<Principal> p = credentials(ctx);
        if (p.isEmpty()) {
            throw new ApiException(401, "sign in first: " + ctx.path() + " needs a session cookie or a bearer token");
        }
        if (p.get().viaCookie() && !SAFE.contains(ctx.method())) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    p.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(403, ctx.method() + " " + ctx.path() + " needs the session's CSRF token in "
                        + CSRF_HEADER);
            }
        }
        ctx.attribute(PRINCIPAL, p.get());
    }

    private Optional<Principal> credentials(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return accounts.principal(authorization.substring(7), true);
        }
        return accounts.principal(ctx.cookie(COOKIE), false);
    }

    private record Credentials(String name, char[] password) {
    }

    /**
     * The name and password of a JSON body. Only JSON: a page on another site can post a form here but cannot send
     * {@code application/json} without the browser asking this node first, so it cannot sign a visitor in to an
     * account of its choosing (login CSRF).
     */
    private static Credentials credentialsIn(Context ctx) {
        if (ctx.contentType() == null || !ctx.contentType().startsWith("application/json")) {
            throw new ApiException(415, "send the name and password as JSON {\"name\": ..., \"password\": ...}"
                    + " (Content-Type: application/json)");
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            throw ApiException.badRequest("the body must be JSON {\"name\": ..., \"password\": ...}");
        }
        String name = body == null ? null : body.path("name").asText(null);
        String password = body == null ? null : body.path("password").asText(null);
        if (name == null || password == null) {
            throw ApiException.badRequest("name and password are required");
        }
        return new Credentials(name, password.toCharArray());
    }

    private User checked(Context ctx, Credentials c) {
        Optional<User> user = accounts.authenticate(c.name(), c.password());
        if (user.isEmpty()) {
            accounts.audit(c.name(), "SIGN_IN_FAILED", ctx.path(), ctx.ip());
            throw new ApiException(401, "wrong user name or password");
        }
        return user.get();
    }

    private void signIn(Context ctx) {
        User user = checked(ctx, credentialsIn(ctx));
        Accounts.Session session = accounts.openSession(user);
        accounts.audit(user.name(), "SIGN_IN", "session", ctx.ip());
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + session.secret() + "; Path=/; HttpOnly; SameSite=Strict"
                + "; Max-Age=" + Accounts.SESSION_LIFETIME.toSeconds() + (secure(ctx) ? "; Secure" : ""));
        ctx.json(me(user, session.csrfToken()));
    }

    private void signOut(Context ctx) {
        Principal p = principal(ctx);
        String secret = p.viaCookie() ? ctx.cookie(COOKIE) : ctx.header("Authorization").substring(7);
        accounts.close(secret);
        accounts.audit(p.user().name(), "SIGN_OUT", p.viaCookie() ? "session" : "token", ctx.ip());
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
                + (secure(ctx) ? "; Secure" : ""));
        ctx.status(204);
    }

    private void me(Context ctx) {
        Principal p = principal(ctx);
        ctx.json(me(p.user(), p.csrfToken()));
    }

    private static Map<String, Object> me(User user, String csrf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", user.name());
        body.put("role", user.role().label());
        body.put("seesPatientIdentifiers", user.role().seesPatientIdentifiers());
        body.put("csrfToken", csrf);
        return body;
    }

    /** A bearer token for the signed-in caller, or for the name and password in the body. */
    private void token(Context ctx) {
        Optional<Principal> signedIn = credentials(ctx);
        User user;
        if (signedIn.isPresent()) {
            Principal p = signedIn.get();
            if (p.viaCookie() && !MessageDigest.isEqual(String.valueOf(ctx.header(CSRF_HEADER))
                    .getBytes(StandardCharsets.UTF_8), p.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(403, "POST /api/auth/token needs the session's CSRF token in " + CSRF_HEADER);
            }
            user = p.user();
        } else {
            user = checked(ctx, credentialsIn(ctx));
        }
        Duration lifetime = Accounts.TOKEN_LIFETIME;
        String token = accounts.issueToken(user, lifetime);
        accounts.audit(user.name(), "TOKEN_ISSUED", "REST API", ctx.ip());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("name", user.name());
        body.put("role", user.role().label());
        body.put("expiresAt", Instant.now().plus(lifetime).toString());
        ctx.json(body);
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme());
    }
}
