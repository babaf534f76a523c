package org.kerma.registry.bench;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomReader;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.index.Findings;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.index.ObjectClass;
import org.kerma.registry.ingest.Extractor;
import org.kerma.registry.ingest.Origin;
import org.kerma.registry.validation.ValidationExtractor;

/**
 * What validation at ingest adds to each stored object, in one process on SQLite, one thread: the median time of
 * {@link ValidationExtractor#extract} (reading the archived file back and validating it), and the ingest rate
 * ({@code storeFile}, archive fsync included) with validation on and off. Objects: a small CT image and copies of a
 * CT dose report with new UIDs. Arguments: work directory, objects per run, RDSR file.
 */
public final class ValidationAtIngestTimings {
    private ValidationAtIngestTimings() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int objects = Integer.parseInt(args[1]);
        Path rdsr = Path.of(args[2]);
        for (String kind : new String[] {"CT image", "CT RDSR"}) {
            List<byte[]> files = new ArrayList<>();
            for (int i = 0; i < objects; i++) {
                String study = TestObjects.ROOT + "97." + i;
                DicomObject ds = kind.equals("CT image")
                        ? TestObjects.ctImage("V" + i, "Valid^Ation", study, study + ".1", study + ".1.1") : copy(rdsr, study);
                files.add(TestObjects.part10(ds));
            }
            for (int round = 0; round < 2; round++) { // the first round warms up
                Timed timed = new Timed(ValidationExtractor.standard(work.resolve("on-" + kind.hashCode() + "-"
                        + round).resolve("archive")));
                double on = rate(work.resolve("on-" + kind.hashCode() + "-" + round), files, List.of(timed));
                double off = rate(work.resolve("off-" + kind.hashCode() + "-" + round), files, List.of());
                if (round == 1) {
                    long[] t = timed.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
                    System.out.printf("%s: validation extractor median %.2f ms, p90 %.2f ms per object; ingest %.0f"
                            + " objects/s with validation, %.0f without (%d objects)%n", kind, t[t.length / 2] / 1e6,
                            t[t.length * 9 / 10] / 1e6, on, off, objects);
                }
            }
        }
    }

    /** The report read afresh, with new UIDs. */
    private static DicomObject copy(Path rdsr, String study) throws java.io.IOException {
        DicomObject ds = DicomReader.read(rdsr).dataset();
        ds.setString(Tag.StudyInstanceUID, study);
        ds.setString(Tag.SeriesInstanceUID, study + ".1");
        ds.setString(Tag.SOPInstanceUID, study + ".1.1");
        return ds;
    }

    private static double rate(Path data, List<byte[]> files, List<Extractor> extractors) throws Exception {
        Files.createDirectories(data);
        try (Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data), extractors)) {
            long start = System.nanoTime();
            for (byte[] f : files) {
                registry.ingest().storeFile(new ByteArrayInputStream(f), Origin.file("timing"));
            }
            return files.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The validation extractor, with the time of each call. */
    private static final class Timed implements Extractor {
        private final ValidationExtractor delegate;
        final List<Long> nanos = new ArrayList<>();

        Timed(ValidationExtractor delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public Set<ObjectClass> classes() {
            return delegate.classes();
        }

        @Override
        public List<Findings.Finding> extract(IndexedInstance instance, DicomObject dataset, Connection c)
                throws Exception {
            long start = System.nanoTime();
            List<Findings.Finding> found = delegate.extract(instance, dataset, c);
            nanos.add(System.nanoTime() - start);
            return found;
        }
    }
}
