package org.kerma.tools.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kerma.tools.read.Provenance;

/**
 * A generated tab-separated table: a {@code # source:} provenance line, a {@code # columns:} line, then one line per
 * row. Fields may not hold tabs or line breaks; the table is written in the order rows were added.
 */
public final class TsvTable {
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param columns the column names, written in the header */
    public TsvTable(String... columns) {
        this.columns = List.of(columns);
    }

    /**
     * Adds a row.
     *
     * @throws IllegalArgumentException when the number of fields differs from the columns', or a field holds a tab
     *                                  or line break
     */
    public TsvTable add(String... fields) {
        if (fields.length != columns.size()) {
            throw new IllegalArgumentException("row of " + fields.length + " fields for " + columns.size()
                    + " columns: " + String.join("|", fields));
        }
        for (String f : fields) {
            GeneratedText.field(f);
        }
        rows.add(List.of(fields));
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** Writes the table, creating parent folders. */
    public void write(Path file, List<Provenance> sources, String generator) {
        StringBuilder out = new StringBuilder(GeneratedText.sourceLine(sources));
        out.append("# generator: ").append(generator).append('\n');
        out.append("# columns: ").append(String.join("\t", columns)).append('\n');
        for (List<String> row : rows) {
            out.append(String.join("\t", row)).append('\n');
        }
        GeneratedText.write(file, out);
    }
}
