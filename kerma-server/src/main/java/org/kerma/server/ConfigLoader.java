package org.kerma.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kerma.net.TrustedNode;
import org.kerma.registry.ingest.DuplicatePolicy;

/**
 * Reads a {@link NodeConfig} from {@code kerma.yml} and the environment, on top of {@link NodeConfig#defaults()}.
 * Precedence, lowest first: defaults, the file, environment variables ({@code KERMA_} + the key upper-cased with
 * {@code .} and {@code -} as {@code _}, e.g. {@code KERMA_DICOM_PORT}); command-line flags are applied by the caller
 * on the result. An unknown key, a value of the wrong type or a missing file is a {@link ConfigException} naming
 * the file (or variable) and the key. Relative paths in the file are resolved against the file's directory.
 */
public final class ConfigLoader {

    /** Every scalar key; {@code dicom.trusted-nodes} is the one list. */
    static final Set<String> KEYS = Set.of("dicom.ae-title", "dicom.port", "dicom.bind-address",
            "dicom.accept-any-caller", "dicom.max-pdu-length", "dicom.max-associations", "dicom.timeouts.artim",
            "dicom.timeouts.dimse", "dicom.timeouts.idle", "dicom.tls.port", "dicom.tls.key-store",
            "dicom.tls.key-store-password", "dicom.tls.trust-store", "dicom.tls.trust-store-password",
            "dicom.tls.client-certificate", "http.host", "http.port", "storage.data", "storage.database-url",
            "storage.duplicates", "shutdown-grace", "dose.link-window",
            "validation.at-ingest");
    static final String TRUSTED_NODES = "dicom.trusted-nodes";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final Pattern NODE = Pattern.compile("([^@\\s]{1,16})@([^:\\s]+):(\\d{1,5})");

    /** A value and where it came from, for error messages. */
    private record Value(String text, String source, Path baseDirectory) {
    }

    private final Map<String, Value> values = new LinkedHashMap<>();
    private List<TrustedNode> trustedNodes;

    private ConfigLoader() {
    }

    /**
     * The configuration of {@code file} (or none when null) and {@code environment}.
     *
     * @throws ConfigException when the file is missing or unreadable, or a key is unknown or has a bad value
     */
    public static NodeConfig load(Path file, Map<String, String> environment) {
        ConfigLoader loader = new ConfigLoader();
        if (file != null) {
            loader.readFile(file);
        }
        loader.readEnvironment(environment);
        return loader.build();
    }

    private void readFile(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(name + ": configuration file not found");
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException(name + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw new ConfigException(name + ": expected a mapping of keys at the top, got " + root.getNodeType());
        }
        Path base = file.toAbsolutePath().getParent();
        flatten(root, "", name, base);
    }

    private void flatten(JsonNode node, String prefix, String file, Path base) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (key.equals(TRUSTED_NODES)) {
                trustedNodes = trustedNodesOf(v, file + ": " + key);
            } else if (KEYS.stream().anyMatch(k -> k.startsWith(key + "."))) {
                if (!v.isObject()) {
                    throw new ConfigException(file + ": " + key + ": expected a mapping of keys, got '"
                            + v.asText() + "'");
                }
                flatten(v, key + ".", file, base);
            } else if (!KEYS.contains(key)) {
                throw new ConfigException(file + ": unknown key '" + key + "'; the keys are listed in"
                        + " docs/configuration.md");
            } else if (v.isContainerNode()) {
                throw new ConfigException(file + ": " + key + ": expected a single value, got a "
                        + v.getNodeType().name().toLowerCase(Locale.ROOT));
            } else if (!v.isNull()) {
                values.put(key, new Value(v.asText(), file, base));
            }
        }
    }

    private static List<TrustedNode> trustedNodesOf(JsonNode list, String where) {
        if (list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException(where + ": expected a list of {ae-title, host, port}");
        }
        List<TrustedNode> nodes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String at = where + "[" + i + "]";
            if (!n.isObject()) {
                throw new ConfigException(at + ": expected {ae-title, host, port}, got " + n);
            }
            for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
                String f = names.next();
                if (!Set.of("ae-title", "host", "port").contains(f)) {
                    throw new ConfigException(at + ": unknown key '" + f + "' (expected ae-title, host, port)");
                }
            }
            String ae = required(n, "ae-title", at);
            String host = required(n, "host", at);
            int port = port(required(n, "port", at), at + ".port");
            nodes.add(node(ae, host, port, at));
        }
        return nodes;
    }

    private static String required(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new ConfigException(at + ": " + field + " is missing");
        }
        return v.asText().trim();
    }

    private void readEnvironment(Map<String, String> env) {
        for (String key : KEYS) {
            String name = variable(key);
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                values.put(key, new Value(v, "environment variable " + name, null));
            }
        }
        String name = variable(TRUSTED_NODES);
        String v = env.get(name);
        if (v != null) {
            trustedNodes = new ArrayList<>();
            for (String item : v.split("[,\\s]+")) {
                if (item.isBlank()) {
                    continue;
                }
                Matcher m = NODE.matcher(item.trim());
                if (!m.matches()) {
                    throw new ConfigException("environment variable " + name + ": '" + item
                            + "' is not AE@HOST:PORT");
                }
                trustedNodes.add(node(m.group(1), m.group(2), port(m.group(3), "environment variable " + name),
                        "environment variable " + name));
            }
        }
    }

    /** The environment variable that overrides {@code key}: {@code dicom.ae-title} is KERMA_DICOM_AE_TITLE. */
    static String variable(String key) {
        return "KERMA_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private NodeConfig build() {
        NodeConfig d = NodeConfig.defaults();
        List<TrustedNode> nodes = trustedNodes == null ? List.of() : trustedNodes;
        boolean acceptAny = values.containsKey("dicom.accept-any-caller")
                ? bool("dicom.accept-any-caller") : nodes.isEmpty();
        NodeConfig.Tls tls = null;
        if (values.containsKey("dicom.tls.port") || values.containsKey("dicom.tls.key-store")) {
            if (!values.containsKey("dicom.tls.key-store")) {
                throw new ConfigException(where("dicom.tls.port") + ": dicom.tls.key-store is missing (TLS needs"
                        + " the node's key and certificate)");
            }
            tls = new NodeConfig.Tls(integer("dicom.tls.port", 2762, 0, 65535), path("dicom.tls.key-store", null),
                    text("dicom.tls.key-store-password", ""), path("dicom.tls.trust-store", null),
                    text("dicom.tls.trust-store-password", ""), clientCertificate());
        }
        return new NodeConfig(aeTitle(), integer("dicom.port", d.dicomPort(), 0, 65535),
                text("dicom.bind-address", null), nodes, acceptAny,
                integer("dicom.max-pdu-length", d.maxPduLength(), 4096, Integer.MAX_VALUE),
                duration("dicom.timeouts.artim", d.artimTimeout()), duration("dicom.timeouts.dimse",
                d.dimseTimeout()), duration("dicom.timeouts.idle", d.idleTimeout()),
                integer("dicom.max-associations", d.maxAssociations(), 1, 100_000), tls,
                text("http.host", d.httpHost()), integer("http.port", d.httpPort(), 0, 65535),
                path("storage.data", d.dataDirectory()), text("storage.database-url", null), duplicates(),
                duration("shutdown-grace", d.shutdownGrace()), duration("dose.link-window", d.doseLinkWindow()),
                !values.containsKey("validation.at-ingest") || bool("validation.at-ingest"));
    }

    private String where(String key) {
        Value v = values.get(key);
        return (v == null ? "configuration" : v.source()) + ": " + key;
    }

    private String text(String key, String fallback) {
        Value v = values.get(key);
        return v == null ? fallback : v.text().trim();
    }

    private String aeTitle() {
        String ae = text("dicom.ae-title", "KERMA");
        if (ae.isEmpty() || ae.length() > 16 || ae.contains("\\") || ae.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigException(where("dicom.ae-title") + ": an AE title is 1 to 16 characters without '\\'"
                    + " or control characters, got '" + ae + "'");
        }
        return ae;
    }

    private int integer(String key, int fallback, int min, int max) {
        Value v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.text().trim());
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(where(key) + ": expected a whole number from " + min + " to " + max + ", got '"
                + v.text() + "'");
    }

    private boolean bool(String key) {
        Value v = values.get(key);
        return switch (v.text().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(where(key) + ": expected true or false, got '" + v.text() + "'");
        };
    }

    private Duration duration(String key, Duration fallback) {
        Value v = values.get(key);
        if (v == null) {
            return fallback;
        }
        String t = v.text().trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(v.text().trim());
        } catch (DateTimeParseException e) {
            throw new ConfigException(where(key) + ": expected a duration such as 30s, 500ms, 5m or PT30S, got '"
                    + v.text() + "'");
        }
    }

    private Path path(String key, Path fallback) {
        Value v = values.get(key);
        if (v == null) {
            return fallback;
        }
        Path p = Path.of(v.text().trim());
        return p.isAbsolute() || v.baseDirectory() == null ? p : v.baseDirectory().resolve(p).normalize();
    }

    private DuplicatePolicy duplicates() {
        Value v = values.get("storage.duplicates");
        if (v == null) {
            return DuplicatePolicy.KEEP_FIRST;
        }
        try {
            return DuplicatePolicy.parse(v.text());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where("storage.duplicates") + ": " + e.getMessage());
        }
    }

    private boolean clientCertificate() {
        Value v = values.get("dicom.tls.client-certificate");
        if (v == null) {
            return false;
        }
        return switch (v.text().trim().toLowerCase(Locale.ROOT)) {
            case "required" -> true;
            case "none" -> false;
            default -> throw new ConfigException(where("dicom.tls.client-certificate")
                    + ": expected required or none, got '" + v.text() + "'");
        };
    }

    private static int port(String text, String where) {
        try {
            int p = Integer.parseInt(text.trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(where + ": expected a port number 1 to 65535, got '" + text + "'");
    }

    private static TrustedNode node(String ae, String host, int port, String where) {
        try {
            return new TrustedNode(ae, host, port);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }
}
