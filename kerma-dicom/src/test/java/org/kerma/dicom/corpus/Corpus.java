package org.kerma.dicom.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shared corpus of real DICOM files ({@code ../shared/corpus}), located through the {@code kerma.shared} system
 * property that the build sets. Fails loudly when it is missing: these tests are not optional.
 */
public final class Corpus {
    private Corpus() {
    }

    public static Path shared() {
        String dir = System.getProperty("kerma.shared", "../../shared");
        Path path = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(path.resolve("corpus"))) {
            throw new IllegalStateException("the shared corpus is missing: expected " + path.resolve("corpus")
                    + " (set -Dkerma.shared=DIR to the folder holding corpus/ and standard/)");
        }
        return path;
    }

    /** One row of a corpus MANIFEST.tsv, by column name. */
    public record Entry(Path file, Map<String, String> columns) {
        public String column(String name) {
            return columns.getOrDefault(name, "");
        }

        /** The path relative to the corpus folder, e.g. "samples/pydicom+pydicom/.../CT_small.dcm". */
        public String name() {
            return shared().resolve("corpus").relativize(file).toString();
        }
    }

    /** Every DICOM file listed in the samples and openrem manifests (text dumps excluded). */
    public static List<Entry> dicomFiles() {
        List<Entry> all = new ArrayList<>();
        for (String part : new String[] {"samples", "openrem"}) {
            Path dir = shared().resolve("corpus").resolve(part);
            for (Entry e : manifest(dir)) {
                if (!e.column("transfer_syntax").startsWith("text dump") && Files.isRegularFile(e.file())) {
                    all.add(e);
                }
            }
        }
        return all;
    }

    static List<Entry> manifest(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("MANIFEST.tsv"));
            String[] header = lines.get(0).split("\t", -1);
            List<Entry> entries = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Map<String, String> columns = new TreeMap<>();
                for (int i = 0; i < header.length && i < cells.length; i++) {
                    columns.put(header[i], cells[i]);
                }
                Path file = columns.containsKey("local_path") ? dir.resolve(columns.get("local_path"))
                        : dir.getParent().resolve(columns.get("path"));
                entries.add(new Entry(file, columns));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
