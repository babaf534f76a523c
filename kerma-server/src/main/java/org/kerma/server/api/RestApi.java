package org.kerma.server.api;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kerma.net.TrustedNode;
import org.kerma.registry.Registry;
import org.kerma.registry.alert.AlertQueries;
import org.kerma.registry.alert.ReferenceData;
import org.kerma.registry.dose.DoseAnalytics;
import org.kerma.registry.dose.DoseQueries;
import org.kerma.registry.index.IndexException;
import org.kerma.registry.protocol.ProtocolDose;
import org.kerma.registry.protocol.ProtocolQueries;
import org.kerma.registry.query.Browse;
import org.kerma.registry.query.FindingBrowse;
import org.kerma.server.auth.Accounts;
import org.kerma.server.export.EventExport;
import org.kerma.server.export.StudyExport;
import org.kerma.standard.Standard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kerma's REST API and web dashboard over a registry (JSON over HTTP, Javalin): studies, series, instances, files,
 * DICOM JSON, devices, exports, users, health, and its own OpenAPI description at {@code /api/openapi.json}; the
 * pages (static HTML, CSS and JavaScript that read only this API) at {@code /}. Every {@code /api} route but health,
 * OpenAPI and sign-in needs a signed-in user ({@link AuthRoutes}). Every error is JSON:
 * {@code {"status": 404, "message": "study 1.2.3 is not in the registry"}}.
 *
 * <pre>{@code
 * try (RestApi api = RestApi.start(registry, RestApi.Node.of(config), "127.0.0.1", 8080)) { ... }
 * }</pre>
 */
public final class RestApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    /** Marks a request whose error body an exception handler already wrote. */
    private static final String ANSWERED = "kerma.error-answered";

    private final Javalin app;

    /**
     * What the API shows about the node it runs in (read-only).
     *
     * @param aeTitle         the node's AE title
     * @param dicomPort       its DICOM port
     * @param trustedNodes    the trusted nodes of {@code kerma.yml}
     * @param acceptAnyCaller whether callers outside them are accepted
     */
    public record Node(String aeTitle, int dicomPort, List<TrustedNode> trustedNodes, boolean acceptAnyCaller) {
        public Node {
            trustedNodes = List.copyOf(trustedNodes);
        }

        /** The node of a registry without DICOM side (tests, embedding). */
        public static Node none() {
            return new Node("", 0, List.of(), false);
        }
    }

    /** Headers of every answer: no inline script or style, no framing, no MIME sniffing, no referrer. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private RestApi(Javalin app) {
        this.app = app;
    }

    /** Builds the routes and pages over {@code registry} (not started): for embedding in a larger server. */
    public static Javalin create(Registry registry, Node node) {
        Browse browse = new Browse(registry.index());
        Accounts accounts = new Accounts(registry.index());
        DoseQueries dose = new DoseQueries(registry.index());
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.defaultContentType = "application/json";
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/org/kerma/server/web";
                files.location = Location.CLASSPATH;
                files.headers = SECURITY_HEADERS;
            });
        });
        app.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
        new AuthRoutes(accounts).addTo(app);
        new StudyRoutes(browse).addTo(app);
        new DeviceRoutes(browse, node).addTo(app);
        new UserRoutes(accounts).addTo(app);
        new ExportRoutes(new StudyExport(browse), new EventExport(browse, dose), accounts).addTo(app);
        new InstanceRoutes(browse, registry.archive()).addTo(app);
        new StandardRoutes(Standard.current()).addTo(app);
        new DoseRoutes(dose).addTo(app);
        new ProtocolRoutes(new ProtocolQueries(registry.index()), new ProtocolDose(registry.index())).addTo(app);
        new FindingRoutes(new FindingBrowse(registry.index())).addTo(app);
        new AlertRoutes(new AlertQueries(registry.index()), new ReferenceData(registry.index()), accounts).addTo(app);
        new ReferenceLevelRoutes(new AlertQueries(registry.index()), new ReferenceData(registry.index())).addTo(app);
        new AnalyticsRoutes(new DoseAnalytics(registry.index())).addTo(app);
        app.get("/api/health", ctx -> {
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("status", "ok");
            health.put("database", registry.index().dialect().name().toLowerCase(java.util.Locale.ROOT));
            health.put("instances", browse.instanceCount());
            ctx.json(health);
        });
        byte[] chartJs = chartJs();
        app.get("/js/chart.js", ctx -> ctx.contentType("text/javascript").header("Cache-Control", "max-age=86400")
                .result(chartJs));
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
    public static RestApi start(Registry registry, Node node, String host, int port) {
        return new RestApi(create(registry, node).start(host, port));
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

    /**
     * Chart.js from its WebJar (org.webjars.npm:chart.js), whatever version the build put on the class path: the
     * pages ask for {@code /js/chart.js} and never for a CDN.
     */
    private static byte[] chartJs() {
        String properties = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";
        try (InputStream in = RestApi.class.getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException("the Chart.js WebJar is missing from the class path (" + properties
                        + ")");
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            String file = "/META-INF/resources/webjars/chart.js/" + p.getProperty("version") + "/dist/chart.umd.js";
            try (InputStream js = RestApi.class.getResourceAsStream(file)) {
                if (js == null) {
                    throw new IllegalStateException("the Chart.js WebJar has no " + file);
                }
                return js.readAllBytes();
            }
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
