package org.kerma.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.net.Status;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.service.Instance;

/**
 * Eight associations at once into one node, sending overlapping studies: every association sends its own series of
 * one shared study, the same five instances of a shared series (identical copies, eight times each), and half of a
 * second study that another association sends too. Every C-STORE is answered Success and the index ends consistent:
 * one row per patient, study, series and instance, each under the right parent, every extra copy counted.
 */
abstract class ConcurrentIngestContract {
    @TempDir
    Path data;

    abstract String databaseUrl() throws Exception;

    @Test
    void eightAssociationsSendingOverlappingStudiesEndInAConsistentIndex() throws Exception {
        try (KermaNode node = KermaNode.start(NodeConfig.defaults().withDataDirectory(data)
                .withDatabaseUrl(databaseUrl()).withPorts(0, 0))) {
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> sent = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int association = t;
                sent.add(pool.submit((Callable<Integer>) () -> send(node, association, failures)));
            }
            int total = 0;
            for (Future<Integer> f : sent) {
                total += f.get();
            }
            pool.shutdown();

            assertThat(failures.get()).isZero();
            assertThat(total).isEqualTo(8 * (10 + 5 + 5));
            assertThat(count(node, "SELECT COUNT(*) FROM patient")).isEqualTo(2);
            assertThat(count(node, "SELECT COUNT(*) FROM study")).isEqualTo(5);
            assertThat(count(node, "SELECT COUNT(*) FROM series")).isEqualTo(9 + 4);
            assertThat(count(node, "SELECT COUNT(*) FROM instance")).isEqualTo(8 * 10 + 5 + 4 * 5);
            assertThat(count(node, "SELECT COUNT(*) FROM series s JOIN study st ON s.study_fk = st.id"
                    + " WHERE st.study_instance_uid = '" + TestImages.study(1) + "'")).isEqualTo(9);
            assertThat(count(node, "SELECT COUNT(*) FROM instance i JOIN series s ON i.series_fk = s.id"
                    + " WHERE s.series_instance_uid = '" + TestImages.series(1, 99) + "'")).isEqualTo(5);
            assertThat(count(node, "SELECT SUM(duplicates_received) FROM instance")).isEqualTo(5 * 7 + 4 * 5);
            assertThat(count(node, "SELECT COUNT(*) FROM study st JOIN patient p ON st.patient_fk = p.id"
                    + " WHERE p.patient_id = 'CONC2'")).isEqualTo(4);
        }
    }

    private static int send(KermaNode node, int association, AtomicInteger failures) throws Exception {
        List<DicomObject> objects = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            objects.add(TestImages.ct("CONC", 1, association + 1, n));
        }
        for (int n = 1; n <= 5; n++) {
            objects.add(TestImages.ct("CONC", 1, 99, n));
            objects.add(TestImages.ct("CONC2", 100 + association % 4, 1, n));
        }
        int done = 0;
        try (DicomClient client = DicomClient.connect(Connection.to("KERMA", "127.0.0.1", node.dicomPort())
                .withCallingAe("MOD" + association), Proposal.storage(List.of(Instance.of(objects.get(0)))))) {
            for (DicomObject d : objects) {
                if (!client.store(d).status().equals(Status.SUCCESS)) {
                    failures.incrementAndGet();
                }
                done++;
            }
        }
        return done;
    }

    private static long count(KermaNode node, String sql) {
        return node.registry().index().read(sql, c -> {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
