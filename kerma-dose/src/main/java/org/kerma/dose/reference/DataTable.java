package org.kerma.dose.reference;

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
 * A tab-separated data file of a pack or rule set: {@code # key<TAB>value} lines describe the whole file, the first
 * other line names the columns, each further line is a row; blank lines and {@code ##} comments are skipped.
 */
record DataTable(String name, Map<String, String> meta, List<Row> rows) {

    /** One row, with its line number for messages. */
    record Row(String file, int line, Map<String, String> cells) {
        /** The cell of {@code column}, stripped; required. */
        String get(String column) {
            String v = cells.getOrDefault(column, "").strip();
            if (v.isEmpty()) {
                throw new IllegalArgumentException(file + " line " + line + ": column '" + column + "' is empty");
            }
            return v;
        }

        String optional(String column) {
            return cells.getOrDefault(column, "").strip();
        }

        double number(String column) {
            String v = get(column);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + line + ": column '" + column + "' is not a number: '"
                        + v + "'");
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(file + " line " + line + ": " + message);
        }
    }

    String meta(String key) {
        String v = meta.getOrDefault(key, "").strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(name + ": header '# " + key + "' is missing");
        }
        return v;
    }

    /** Reads the resource {@code resource} of this package. */
    static DataTable resource(String resource) {
        try (InputStream in = DataTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + resource);
            }
            return read(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    static DataTable read(String name, InputStream in) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        String[] columns = null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int n = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            n++;
            if (line.isBlank() || line.startsWith("##")) {
                continue;
            }
            if (line.startsWith("# ")) {
                String[] kv = line.substring(2).split("\t", 2);
                meta.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
            } else if (columns == null) {
                columns = line.split("\t");
            } else {
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.length; i++) {
                    row.put(columns[i].strip(), i < cells.length ? cells[i] : "");
                }
                rows.add(new Row(name, n, row));
            }
        }
        return new DataTable(name, meta, rows);
    }
}
