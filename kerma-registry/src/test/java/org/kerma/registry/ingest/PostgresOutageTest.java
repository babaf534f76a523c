package org.kerma.registry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestDatabases;
import org.kerma.registry.TestObjects;
import org.kerma.registry.index.Hierarchy;

/**
 * PostgreSQL gone mid-ingest: the test's own database stops accepting connections and its sessions are ended (the
 * shared server itself keeps running for everyone else). Ingest then fails with Out of Resources (0xA700) and keeps
 * nothing of the object; what was acknowledged before stays; ingest works again when the database returns.
 */
class PostgresOutageTest {
    private static String url;
    private static String name;

    @TempDir
    Path data;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabases.createPostgres(PostgresOutageTest.class);
        name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        TestDatabases.dropPostgres(url);
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static IngestOutcome send(Registry registry, int i) throws IngestException {
        String study = TestObjects.ROOT + "4";
        String sop = study + ".1." + i;
        byte[] dataset = TestObjects.dataset(TestObjects.ctImage("O1", "Out^Age", study, study + ".1", sop),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return registry.ingest().storeDataset(new ByteArrayInputStream(dataset),
                new StoreRequest(Uid.CTImageStorage, sop, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "KERMA"),
                Origin.association("CT01", "message " + i));
    }

    @Test
    void answersOutOfResourcesWhileTheDatabaseIsGoneAndRecoversWhenItReturns() throws Exception {
        try (Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data)
                .withDatabaseUrl(url))) {
            for (int i = 0; i < 5; i++) {
                send(registry, i);
            }

            admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");

            assertThatThrownBy(() -> send(registry, 5)).isInstanceOfSatisfying(IngestException.class, e -> {
                assertThat(e.reason()).isEqualTo(IngestException.Reason.INDEX_UNAVAILABLE);
                assertThat(e.reason().status()).isEqualTo(0xA700);
                assertThat(e.getMessage()).contains("index instance " + TestObjects.ROOT + "4.1.5 from message 5");
            });
            assertThat(registry.archive().orphans()).isEmpty();
            assertThat(Files.exists(registry.archive().pathOf(TestObjects.ROOT + "4", TestObjects.ROOT + "4.1.5")))
                    .isFalse();

            admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");

            assertThat(send(registry, 5).result()).isEqualTo(IngestOutcome.Result.STORED);
            for (int i = 0; i <= 5; i++) {
                String sop = TestObjects.ROOT + "4.1." + i;
                java.util.Optional<org.kerma.registry.index.IndexedInstance> found =
                        registry.index().read("find", c -> Hierarchy.find(c, sop));
                assertThat(found).as(sop).isPresent();
            }
        }
    }
}
