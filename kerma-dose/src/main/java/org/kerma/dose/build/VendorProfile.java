package org.kerma.dose.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one vendor's devices lay out the root of a dose report: which {@link RootItem}s appear and in which order, per
 * root template (TID 10011, TID 10001). Profiles are data: one file each under
 * {@code org/kerma/dose/build/profiles/<name>.profile} (see {@code docs/rdsr-builder.md}); {@link #NAMES} lists them.
 *
 * @param name        profile name, e.g. "siemens"
 * @param description one line on what the profile follows
 * @param order       root items in order, keyed by template identifier ("10011", "10001")
 */
public record VendorProfile(String name, String description, Map<String, List<RootItem>> order) {
    /** The profiles shipped with Kerma. */
    public static final List<String> NAMES = List.of("standard", "ge", "medtronic", "siemens");

    public VendorProfile {
        order = Map.copyOf(order);
    }

    /** The root items of template {@code tid} in order. */
    public List<RootItem> order(String tid) {
        List<RootItem> items = order.get(tid);
        if (items == null) {
            throw new RdsrBuildException("profile " + name, "has no order for TID " + tid);
        }
        return items;
    }

    /** Loads a shipped profile. */
    public static VendorProfile named(String name) {
        String resource = "profiles/" + name + ".profile";
        try (InputStream in = VendorProfile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RdsrBuildException("profile " + name, "unknown profile; known: " + String.join(", ", NAMES));
            }
            return parse(name + ".profile", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a profile file: {@code name<TAB>value} and {@code description<TAB>text} lines, then a {@code [tid]} line
     * per template followed by one {@link RootItem#key()} a line. Blank lines and {@code #} comments are skipped.
     *
     * @throws RdsrBuildException naming the file and line for an unknown key, a key the template does not allow, a
     *                            repeated key, or a template's mandatory item left out
     */
    public static VendorProfile parse(String source, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = null;
        String description = "";
        Map<String, List<RootItem>> order = new LinkedHashMap<>();
        List<RootItem> current = null;
        String tid = null;
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String t = line.strip();
            String where = source + ":" + lineNumber;
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("[") && t.endsWith("]")) {
                tid = t.substring(1, t.length() - 1);
                if (!tid.equals("10011") && !tid.equals("10001")) {
                    throw new RdsrBuildException(where, "template " + tid + " is not 10011 or 10001");
                }
                current = new ArrayList<>();
                order.put(tid, current);
            } else if (t.startsWith("name\t")) {
                name = t.substring(5).strip();
            } else if (t.startsWith("description\t")) {
                description = t.substring(12).strip();
            } else if (current == null) {
                throw new RdsrBuildException(where, "'" + t + "' before any [template] line");
            } else {
                String tidNow = tid;
                RootItem item = RootItem.ofKey(t).orElseThrow(() -> new RdsrBuildException(where,
                        "unknown root item '" + t + "'"));
                if (!item.allowedIn(tidNow)) {
                    throw new RdsrBuildException(where, "'" + t + "' is not a root item of TID " + tidNow);
                }
                if (current.contains(item)) {
                    throw new RdsrBuildException(where, "'" + t + "' listed twice");
                }
                current.add(item);
            }
        }
        if (name == null) {
            throw new RdsrBuildException(source, "no name line");
        }
        for (Map.Entry<String, List<RootItem>> e : order.entrySet()) {
            for (RootItem item : RootItem.values()) {
                if (item.allowedIn(e.getKey()) && item.mandatoryIn(e.getKey()) && !e.getValue().contains(item)) {
                    throw new RdsrBuildException(source, "leaves out '" + item.key() + "', mandatory in TID "
                            + e.getKey());
                }
            }
        }
        return new VendorProfile(name, description, order);
    }
}
