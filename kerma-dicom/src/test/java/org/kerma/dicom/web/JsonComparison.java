package org.kerma.dicom.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two DICOM JSON documents attribute by attribute and names each difference by its kind, so that a test
 * resource can say once, per kind, who is right.
 */
final class JsonComparison {
    /** One difference: its kind (a key of the disagreements file) and what it is. */
    record Difference(String kind, String path, String detail) {
        @Override
        public String toString() {
            return kind + "\t" + path + "\t" + detail;
        }
    }

    private final List<Difference> differences = new ArrayList<>();
    private int attributes;

    private JsonComparison() {
    }

    List<Difference> differences() {
        return differences;
    }

    int attributes() {
        return attributes;
    }

    /** The kinds of a disagreements file: first column, lines starting with '#' are comments. */
    static Map<String, String> readKinds(Path file) throws IOException {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] c = line.split("\t", -1);
                kinds.put(c[0], line);
            }
        }
        return kinds;
    }

    /** Compares {@code kerma} with {@code other} (both DICOM JSON data set objects). */
    static JsonComparison compare(JsonNode kerma, JsonNode other) {
        JsonComparison c = new JsonComparison();
        c.dataset(kerma, other, "");
        return c;
    }

    private void dataset(JsonNode kerma, JsonNode other, String prefix) {
        Map<String, JsonNode> k = fields(kerma);
        Map<String, JsonNode> o = fields(other);
        for (Map.Entry<String, JsonNode> e : k.entrySet()) {
            String path = prefix + e.getKey();
            JsonNode theirs = o.get(e.getKey());
            attributes++;
            if (theirs == null) {
                differences.add(new Difference(onlyInKerma(e.getKey(), e.getValue()), path,
                        "only in Kerma: " + cut(e.getValue())));
            } else {
                attribute(e.getValue(), theirs, path);
            }
        }
        for (Map.Entry<String, JsonNode> e : o.entrySet()) {
            if (!k.containsKey(e.getKey())) {
                differences.add(new Difference("only-in-other", prefix + e.getKey(), "only in the other: "
                        + cut(e.getValue())));
            }
        }
    }

    private static String onlyInKerma(String key, JsonNode attribute) {
        return "only-in-kerma";
    }

    private void attribute(JsonNode kerma, JsonNode other, String path) {
        String vr = kerma.path("vr").asText();
        String otherVr = other.path("vr").asText();
        if (!vr.equals(otherVr)) {
            String kind = vr.equals("UN") ? "kerma-keeps-un" : path.endsWith("0000") ? "group-length-vr" : "vr";
            differences.add(new Difference(kind, path,
                    "VR Kerma " + vr + ", other " + otherVr));
            return;
        }
        JsonNode kv = kerma.get("Value");
        JsonNode ov = other.get("Value");
        if (!kerma.path("InlineBinary").equals(other.path("InlineBinary"))) {
            differences.add(new Difference(path.endsWith("7FE00010") && kerma.has("InlineBinary")
                    && other.has("InlineBinary") ? "pixel-data-bytes" : "inline-binary", path, "InlineBinary Kerma "
                    + kerma.path("InlineBinary").asText() + ", other " + other.path("InlineBinary").asText()));
            return;
        }
        if (kv == null && ov == null) {
            return;
        }
        if (kv == null || ov == null) {
            boolean emptyString = ov != null && ov.size() == 1 && ov.get(0).isTextual() && ov.get(0).asText().isEmpty();
            boolean emptyArray = ov != null && ov.isArray() && ov.isEmpty();
            String kind = emptyString ? "empty-value-as-empty-string" : emptyArray ? "empty-value-array" : "value-presence";
            differences.add(new Difference(kind, path,
                    "Value Kerma " + cut(kv) + ", other " + cut(ov)));
            return;
        }
        if (vr.equals("SQ")) {
            if (kv.size() != ov.size()) {
                differences.add(new Difference("item-count", path, "items Kerma " + kv.size() + ", other " + ov.size()));
                return;
            }
            for (int i = 0; i < kv.size(); i++) {
                dataset(kv.get(i), ov.get(i), path + "/" + i + "/");
            }
            return;
        }
        if (kv.size() != ov.size()) {
            differences.add(new Difference("value-count", path, "Value Kerma " + cut(kv) + ", other " + cut(ov)));
            return;
        }
        for (int i = 0; i < kv.size(); i++) {
            String kind = valueKind(vr, kv.get(i), ov.get(i));
            if (kind != null) {
                differences.add(new Difference(kind, path + "[" + i + "]", "Kerma " + kv.get(i) + ", other "
                        + ov.get(i)));
            }
        }
    }

    /** Null when the two values agree, else the kind of disagreement. */
    private static String valueKind(String vr, JsonNode k, JsonNode o) {
        if (k.equals(o)) {
            return null;
        }
        if (k.isNull() && o.isTextual() && o.asText().isEmpty()) {
            return "empty-value-as-empty-string";
        }
        if (isNumeric(vr) && numericEquals(vr, k, o)) {
            if (k.isNumber() == o.isNumber()) {
                return null;
            }
            return k.isTextual() ? "number-text-kept-as-string" : "number-as-string";
        }
        if (vr.equals("PN") && k.isObject() && o.isObject()) {
            return "person-name";
        }
        return "value";
    }

    private static boolean isNumeric(String vr) {
        return List.of("DS", "IS", "FL", "FD", "US", "SS", "UL", "SL", "SV", "UV").contains(vr);
    }

    private static boolean numericEquals(String vr, JsonNode k, JsonNode o) {
        try {
            double a = Double.parseDouble(k.asText().trim());
            double b = Double.parseDouble(o.asText().trim());
            if (vr.equals("FL")) {
                return Float.compare((float) a, (float) b) == 0;
            }
            return Double.compare(a, b) == 0 || (vr.equals("DS") && Math.abs(a - b) <= 1e-12 * Math.abs(a));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static String cut(Object o) {
        String s = String.valueOf(o);
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }
}
