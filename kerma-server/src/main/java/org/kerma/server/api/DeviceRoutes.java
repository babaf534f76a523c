package org.kerma.server.api;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kerma.registry.query.Browse;

/**
 * {@code /api/devices}: the devices seen, with their last contact; {@code /api/nodes}: this node's AE title and its
 * trusted nodes, read-only (they are set in {@code kerma.yml}).
 */
final class DeviceRoutes {
    private final Browse browse;
    private final RestApi.Node node;

    DeviceRoutes(Browse browse, RestApi.Node node) {
        this.browse = browse;
        this.node = node;
    }

    void addTo(Javalin app) {
        app.get("/api/devices", ctx -> ctx.json(Map.of("devices", browse.devices())));
        app.get("/api/nodes", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("aeTitle", node.aeTitle());
            body.put("dicomPort", node.dicomPort());
            body.put("acceptAnyCaller", node.acceptAnyCaller());
            List<Map<String, Object>> nodes = node.trustedNodes().stream().map(n -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("aeTitle", n.aeTitle());
                m.put("host", n.host());
                m.put("port", n.port());
                return m;
            }).toList();
            body.put("trustedNodes", nodes);
            ctx.json(body);
        });
    }
}
