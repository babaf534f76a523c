package org.kerma.registry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestDatabases;
import org.kerma.registry.TestObjects;

/** The ingest contract on SQLite, a new database file per test. */
class IngestOnSqliteTest extends IngestContract {
    private int databases;

    @Override
    String freshDatabaseUrl() throws Exception {
        return TestDatabases.sqlite(java.nio.file.Files.createDirectories(data.resolve("db" + databases++)));
    }

    /**
     * Two registries on one SQLite file and one archive, as {@code kerma import} beside a running {@code kerma serve}:
     * their writers do not share a lock, so SQLite's own locking (immediate transactions, busy timeout) must keep
     * them apart.
     */
    @Test
    void twoProcessesSharingOneSqliteFileIngestOverlappingObjectsConsistently() throws Exception {
        RegistryConfig config = RegistryConfig.defaults().withDataDirectory(data).withDatabaseUrl(freshDatabaseUrl());
        try (Registry serve = Registry.open(config); Registry importer = Registry.open(config)) {
            List<byte[]> objects = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                objects.add(TestObjects.part10(ct(SOP + "." + i)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> sends = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Registry registry = t % 2 == 0 ? serve : importer;
                sends.add(pool.submit(() -> {
                    int stored = 0;
                    for (byte[] o : objects) {
                        IngestOutcome outcome = registry.ingest().storeFile(new ByteArrayInputStream(o),
                                Origin.file("shared"));
                        stored += outcome.result() == IngestOutcome.Result.STORED ? 1 : 0;
                    }
                    return stored;
                }));
            }
            int stored = 0;
            for (Future<Integer> f : sends) {
                stored += f.get();
            }
            pool.shutdown();

            assertThat(stored).isEqualTo(60);
            assertThat(count(serve, "SELECT count(*) FROM instance")).isEqualTo(60);
            assertThat(count(importer, "SELECT count(*) FROM duplicate")).isEqualTo(180);
            assertThat(serve.archive().archivedFiles()).hasSize(60);
        }
    }
}
