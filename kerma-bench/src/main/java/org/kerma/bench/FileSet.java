package org.kerma.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a benchmark parses, named the way {@code bench/parse.sh} names them to every tool it times:
 * <ul>
 *   <li>{@code DIR}: the regular files of that directory whose names end in {@code .dcm}, sorted by name, not
 *       recursive (as {@code ../shared/bench/parse_pydicom.py} and {@code dcmdump +sd +sp '*.dcm'} take them);</li>
 *   <li>{@code @LIST}: the paths listed in the text file LIST, one per line, in order; blank lines and lines
 *       starting with {@code #} are skipped, relative paths are resolved against the list's directory.</li>
 * </ul>
 * The result is never empty: an empty set is an error, since a rate over no files means nothing.
 */
public final class FileSet {
    private FileSet() {
    }

    /**
     * Resolves every source, in order, into one list of files.
     *
     * @throws IOException when a directory or list cannot be read, a listed file does not exist, or nothing is found
     */
    public static List<Path> resolve(List<String> sources) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String source : sources) {
            files.addAll(source.startsWith("@") ? listed(Path.of(source.substring(1))) : dicomFilesIn(Path.of(source)));
        }
        if (files.isEmpty()) {
            throw new IOException("no files to parse in " + String.join(" ", sources));
        }
        return files;
    }

    private static List<Path> dicomFilesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory (a file list is passed as @LIST)");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".dcm") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> listed(Path list) throws IOException {
        Path base = list.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Path file = base.resolve(line);
            if (!Files.isRegularFile(file)) {
                throw new IOException(list + ": listed file " + file + " does not exist");
            }
            files.add(file);
        }
        return files;
    }
}
