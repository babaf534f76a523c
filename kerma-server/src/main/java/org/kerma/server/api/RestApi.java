package org.kerma.server.api;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kerma.registry.Registry;
import org.kerma.registry.alert.AlertQueries;
import org.kerma.registry.alert.ReferenceData;
import org.kerma.registry.dose.DoseQueries;
import org.kerma.registry.index.IndexException;
import org.kerma.registry.protocol.ProtocolQueries;
import org.kerma.registry.query.Browse;
import org.kerma.registry.query.FindingBrowse;
import org.kerma.standard.Standard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kerma's REST API over a registry (JSON over HTTP, Javalin): studies, series, instances, files, DICOM JSON,
 * health, and its own OpenAPI description at {@code /api/openapi.json}. Every error is JSON:
 * {@code {"status": 404, "message": "study 1.2.3 is not in the registry"}}.
 *
 * <pre>{@code
 * try (RestApi api = RestApi.start(registry, "127.0.0.1", 8080)) { ... }
 * }</pre>
 */
public final class RestApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    /** Marks a request whose error body an exception handler already wrote. */
    private static final String ANSWERED = "kerma.error-answered";

    private final Javalin app;

    private RestApi(Javalin app) {
        this.app = app;
    }

    /** Builds the routes over {@code registry} (not started): for embedding in a larger server. */
    public static Javalin create(Registry registry) {
        Browse browse = new Browse(registry.index());
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.defaultContentType = "application/json";
        });
        new StudyRoutes(browse).addTo(app);
        new InstanceRoutes(browse, registry.archive()).addTo(app);
        new StandardRoutes(Standard.current()).addTo(app);
        new DoseRoutes(new DoseQueries(registry.index())).addTo(app);
        new ProtocolRoutes(new ProtocolQueries(registry.index())).addTo(app);
        new FindingRoutes(new FindingBrowse(registry.index())).addTo(app);
        new AlertRoutes(new AlertQueries(registry.index()), new ReferenceData(registry.index())).addTo(app);
        new ReferenceLevelRoutes(new AlertQueries(registry.index()), new ReferenceData(registry.index())).addTo(app);
        app.get("/api/health", ctx -> {
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("status", "ok");
            health.put("database", registry.index().dialect().name().toLowerCase(java.util.Locale.ROOT));
            health.put("instances", browse.instanceCount());
            ctx.json(health);
        });
        byte[] openApi = openApi();
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        app.exception(ApiException.class, (e, ctx) -> {
            ctx.attribute(ANSWERED, true);
            ctx.status(e.status()).json(error(e.status(), e.getMessage()));
        });
        app.exception(IndexException.class, (e, ctx) -> {
            LOG.error("index failure on {}: {}", ctx.path(), e.getMessage());
            ctx.status(503).json(error(503, e.getMessage()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("failure on {}", ctx.path(), e);
            ctx.status(500).json(error(500, e.getClass().getSimpleName() + ": " + e.getMessage()));
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                ctx.json(error(404, "no such resource: " + ctx.method() + " " + ctx.path()));
            }
        });
        return app;
    }

    /** Starts the API on {@code host}:{@code port} (port 0: any free port, see {@link #port()}). */
    public static RestApi start(Registry registry, String host, int port) {
        return new RestApi(create(registry).start(host, port));
    }

    /** The port the API listens on. */
    public int port() {
        return app.port();
    }

    private static Map<String, Object> error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        return body;
    }

    private static byte[] openApi() {
        try (InputStream in = RestApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the kerma-server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops accepting requests and ends the server; requests in flight finish first. */
    @Override
    public void close() {
        app.stop();
    }
}
