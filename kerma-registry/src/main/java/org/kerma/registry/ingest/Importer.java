package org.kerma.registry.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadOptions;

/**
 * Imports files into the registry through {@link Ingest}, as {@code kerma import} does: directories recursively,
 * ZIP archives entry by entry (nested ZIPs too), and a DICOMDIR by the files its directory records reference
 * (PS3.10 section 8; Referenced File ID (0004,1500)). A DICOMDIR itself is not imported, and no file is imported
 * twice in one run. Every file is counted as imported, a duplicate, or failed with its reason.
 *
 * <p>Not thread-safe; one import per instance.
 */
public final class Importer {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** Told about progress after each file or ZIP entry; {@code total} counts plain files found before the run. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, Summary sofar);
    }

    /**
     * What an import did.
     *
     * @param imported   new instances stored
     * @param duplicates copies of instances already in the registry (of any kind, see {@link IngestOutcome.Result})
     * @param failures   one line per file or entry that could not be imported: where, and why
     */
    public record Summary(int imported, int duplicates, List<String> failures) {
    }

    private final Ingest ingest;
    private final Progress progress;
    private final Set<Path> seen = new HashSet<>();
    private int imported;
    private int duplicates;
    private final List<String> failures = new ArrayList<>();
    private int done;
    private int total;

    public Importer(Ingest ingest, Progress progress) {
        this.ingest = ingest;
        this.progress = progress;
    }

    /** Imports every path (file, directory, ZIP, DICOMDIR); a path that does not exist is a failure. */
    public Summary run(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                failures.add(path + ": no such file or directory");
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                failures.add(path + ": cannot list: " + e.getMessage());
            }
        }
        total = files.size();
        for (Path file : files) {
            importPath(file);
            done++;
            report();
        }
        return summary();
    }

    private void importPath(Path file) {
        if (!seen.add(file.toAbsolutePath().normalize())) {
            return;
        }
        try {
            if (isDicomdir(file)) {
                importDicomdir(file);
            } else if (startsWith(file, ZIP_MAGIC)) {
                try (InputStream in = Files.newInputStream(file)) {
                    importZip(new ZipInputStream(in), file.toString());
                }
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    ingestOne(in, file.toString());
                }
            }
        } catch (IOException e) {
            failures.add(file + ": " + e.getMessage());
        }
    }

    private void importZip(ZipInputStream zip, String name) throws IOException {
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            if (entry.isDirectory() || entry.getName().endsWith("DICOMDIR")) {
                continue;
            }
            String where = name + "!" + entry.getName();
            InputStream body = new NonClosing(zip);
            if (entry.getName().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                importZip(new ZipInputStream(body), where);
            } else {
                ingestOne(body, where);
                report();
            }
        }
    }

    private void importDicomdir(Path dicomdir) throws IOException {
        DicomObject ds = DicomReader.read(dicomdir, ReadOptions.DEFAULT).dataset();
        Path base = dicomdir.toAbsolutePath().getParent();
        for (DicomObject record : ds.items(Tag.DirectoryRecordSequence)) {
            List<String> parts = record.strings(Tag.ReferencedFileID);
            if (parts.isEmpty()) {
                continue;
            }
            Path file = base;
            for (String part : parts) {
                file = file.resolve(part.trim());
            }
            if (!file.normalize().startsWith(base)) {
                failures.add(dicomdir + ": referenced file " + String.join("\\", parts) + " lies outside its folder");
                continue;
            }
            if (!Files.isRegularFile(file)) {
                failures.add(dicomdir + ": referenced file " + String.join("\\", parts) + " is missing");
                continue;
            }
            importPath(file);
        }
    }

    private void ingestOne(InputStream in, String where) {
        try {
            IngestOutcome outcome = ingest.storeFile(in, Origin.file(where));
            if (outcome.result().isDuplicate()) {
                duplicates++;
            } else {
                imported++;
            }
        } catch (IngestException e) {
            failures.add(e.getMessage());
        }
    }

    private static boolean isDicomdir(Path file) {
        return file.getFileName().toString().equalsIgnoreCase("DICOMDIR");
    }

    private static boolean startsWith(Path file, byte[] magic) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(magic.length);
            return java.util.Arrays.equals(head, magic);
        }
    }

    private void report() {
        progress.update(done, total, summary());
    }

    private Summary summary() {
        return new Summary(imported, duplicates, List.copyOf(failures));
    }

    /** An entry's stream that leaves the ZIP stream open when the reader closes it. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
