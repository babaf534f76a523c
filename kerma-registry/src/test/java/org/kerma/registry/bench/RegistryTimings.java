package org.kerma.registry.bench;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.index.ObjectClass;
import org.kerma.registry.ingest.Origin;
import org.kerma.registry.ingest.StoreRequest;
import org.kerma.registry.query.QueryEngine;
import org.kerma.registry.query.QueryModel;

/**
 * Timings of the registry in one process, no network: ingest throughput (C-STORE data sets through
 * {@code storeDataset}, archive fsync included) with 1 and 4 threads, and C-FIND latency at study level by Patient ID
 * with 10,000 and 100,000 instances indexed. Run by {@code bench/registry.sh}; arguments: work directory, database
 * URL or "sqlite", objects to ingest.
 */
public final class RegistryTimings {
    private RegistryTimings() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String db = args[1];
        int objects = Integer.parseInt(args[2]);
        for (int threads : new int[] {1, 4}) {
            double[] rates = new double[3];
            for (int run = 0; run < 3; run++) {
                Path data = Files.createDirectories(work.resolve("ingest-" + threads + "-" + run));
                rates[run] = ingest(config(data, db), objects, threads);
            }
            Arrays.sort(rates);
            System.out.printf("ingest %s threads=%d objects=%d: median %.0f objects/s (runs %.0f %.0f %.0f)%n",
                    label(db), threads, objects, rates[1], rates[0], rates[1], rates[2]);
        }
        Path data = Files.createDirectories(work.resolve("query"));
        try (Registry registry = Registry.open(config(data, db))) {
            empty(registry);
            int indexed = 0;
            for (int target : new int[] {10_000, 100_000}) {
                indexed = fill(registry, indexed, target);
                long[] micros = findLatencies(registry, target / 20, 500);
                System.out.printf("c-find %s study level by Patient ID, %d instances indexed: p50 %.2f ms, p95 %.2f ms"
                        + " (500 queries)%n", label(db), target, micros[250] / 1000.0, micros[475] / 1000.0);
            }
        }
    }

    private static String label(String db) {
        return db.equals("sqlite") ? "SQLite" : "PostgreSQL";
    }

    private static RegistryConfig config(Path data, String db) {
        RegistryConfig config = RegistryConfig.defaults().withDataDirectory(data);
        return db.equals("sqlite") ? config : config.withDatabaseUrl(db);
    }

    private static double ingest(RegistryConfig config, int objects, int threads) throws Exception {
        List<byte[]> datasets = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            String study = TestObjects.ROOT + "99." + (i / 200);
            datasets.add(TestObjects.dataset(TestObjects.ctImage("B" + (i / 200), "Bench^Mark", study, study + ".1",
                    study + ".1." + i), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        }
        try (Registry registry = Registry.open(config)) {
            empty(registry);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                work.add(pool.submit(() -> {
                    for (int i = first; i < objects; i += threads) {
                        String study = TestObjects.ROOT + "99." + (i / 200);
                        registry.ingest().storeDataset(new ByteArrayInputStream(datasets.get(i)),
                                new StoreRequest(Uid.CTImageStorage, study + ".1." + i,
                                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "KERMA"),
                                Origin.association("BENCH", "bench " + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            return objects / seconds;
        }
    }

    private static void empty(Registry registry) {
        registry.index().inTransaction("empty", c -> {
            try (var s = c.createStatement()) {
                for (String t : new String[] {"finding", "duplicate", "instance", "series", "study", "patient",
                        "device"}) {
                    s.executeUpdate("DELETE FROM " + t);
                }
            }
            return null;
        });
    }

    /**
     * Adds index rows (no files) up to {@code target} instances: 10 per series, 1 series per study, 2 studies per
     * patient.
     */
    private static int fill(Registry registry, int from, int target) {
        for (int batchStart = from; batchStart < target; batchStart += 5_000) {
            int start = batchStart;
            int end = Math.min(target, batchStart + 5_000);
            registry.index().inTransaction("fill", c -> {
                for (int i = start; i < end; i++) {
                    int study = i / 10;
                    String studyUid = TestObjects.ROOT + "98." + study;
                    DicomObject ds = TestObjects.ctImage("Q" + (study / 2), "Query^Patient" + (study / 2), studyUid,
                            studyUid + ".1", studyUid + ".1." + i);
                    ds.remove(Tag.PixelData);
                    Hierarchy.insert(c, ds, new Hierarchy.FileFacts("none/" + i + ".dcm", 1000, "0".repeat(64),
                            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), "BENCH", 0, ObjectClass.IMAGE));
                }
                return null;
            });
        }
        return target;
    }

    private static long[] findLatencies(Registry registry, int patients, int queries) {
        QueryEngine engine = new QueryEngine(registry.index(), "KERMA");
        Random random = new Random(42);
        long[] micros = new long[queries];
        for (int q = -50; q < queries; q++) { // 50 warm-up queries
            DicomObject keys = new DicomObject();
            keys.setString(Tag.QueryRetrieveLevel, "STUDY");
            keys.setString(Tag.PatientID, "Q" + random.nextInt(patients));
            keys.put(Tag.StudyInstanceUID, org.kerma.dicom.VR.UI, new byte[0]);
            keys.put(Tag.StudyDate, org.kerma.dicom.VR.DA, new byte[0]);
            keys.put(Tag.PatientName, org.kerma.dicom.VR.PN, new byte[0]);
            keys.put(Tag.NumberOfStudyRelatedInstances, org.kerma.dicom.VR.IS, new byte[0]);
            long start = System.nanoTime();
            long found;
            try (Stream<DicomObject> answers = engine.find(QueryModel.STUDY_ROOT, keys)) {
                found = answers.count();
            }
            if (found != 2) {
                throw new IllegalStateException("expected 2 studies per patient, found " + found);
            }
            if (q >= 0) {
                micros[q] = (System.nanoTime() - start) / 1000;
            }
        }
        Arrays.sort(micros);
        return micros;
    }
}
