package org.kerma.standard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated resources beside this class: '#' lines are comments, every other line is a row. */
final class Tables {
    private Tables() {
    }

    /**
     * The rows of a resource, each split on tabs into exactly {@code columns} fields.
     *
     * @throws IllegalStateException naming resource and line when the resource is missing or a row is malformed
     */
    static List<String[]> read(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Tables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource org/kerma/standard/" + resource + " is missing from the"
                        + " classpath (generate it with tools/generate-standard-data.sh)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException("org/kerma/standard/" + resource + ":" + number + ": "
                            + fields.length + " fields, expected " + columns);
                }
                rows.add(fields);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read org/kerma/standard/" + resource, e);
        }
    }
}
