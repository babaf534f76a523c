package org.kerma.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.net.Status;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.Response;
import org.kerma.net.service.Instance;
import org.kerma.registry.archive.Archive;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.index.IndexedInstance;

/**
 * PostgreSQL stopped in the middle of a bulk send (a private server, not the shared one): the node answers
 * failure statuses (0xA700, so the sender retries later) and acknowledges nothing it did not index; when the
 * database returns, the node recovers by itself and every acknowledged object is in the archive and the index.
 */
class PostgresOutageTest {
    @TempDir
    Path data;

    @Test
    void answersOutOfResourcesWhileTheDatabaseIsDownAndRecoversWhenItReturns() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start();
             KermaNode node = KermaNode.start(NodeConfig.defaults().withDataDirectory(data)
                     .withDatabaseUrl(pg.url("kerma")).withPorts(0, 0))) {
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            List<Response> failures = new CopyOnWriteArrayList<>();
            CountDownLatch stopNow = new CountDownLatch(1);
            CountDownLatch restarted = new CountDownLatch(1);
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try (DicomClient client = DicomClient.connect(Connection.to("KERMA", "127.0.0.1", node.dicomPort())
                        .withCallingAe("CT1").withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(120)),
                        Proposal.storage(List.of(Instance.of(TestImages.ct("PGOUT", 20, 1, 1)))))) {
                    int n = 1;
                    while (n <= 60) {
                        DicomObject d = TestImages.ct("PGOUT", 20, 1 + n / 20, n);
                        Response r = client.store(d);
                        if (r.status().isSuccess()) {
                            acknowledged.add(d.getString(Tag.SOPInstanceUID, ""));
                            n++;
                        } else {
                            failures.add(r);
                            if (failures.size() == 2) {
                                restarted.await();
                            }
                        }
                        if (acknowledged.size() == 20) {
                            stopNow.countDown();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(stopNow.await(120, TimeUnit.SECONDS)).isTrue();
            pg.stopServer();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (failures.size() < 2 && System.nanoTime() < end && !sender.isDone()) {
                Thread.sleep(100);
            }
            assertThat(failures).hasSize(2);
            pg.startServer();
            restarted.countDown();
            sender.get(180, TimeUnit.SECONDS);

            assertThat(failures).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(Status.OUT_OF_RESOURCES);
                assertThat(r.errorComment()).isNotEmpty();
            });
            assertThat(acknowledged).hasSize(60);
            for (String sop : acknowledged) {
                IndexedInstance row = node.registry().index().read("find", c -> Hierarchy.find(c, sop))
                        .orElseThrow(() -> new AssertionError("acknowledged " + sop + " is not in the index"));
                try (InputStream in = Files.newInputStream(node.registry().archive().resolve(row.filePath()))) {
                    assertThat(Archive.digest(in)).as(sop).isEqualTo(row.sha256());
                }
            }
            assertThat(TestImages.partFilesUnder(data.resolve("archive").resolve("incoming")))
                    .as("no temporary file left behind").isEmpty();
        }
    }
}
