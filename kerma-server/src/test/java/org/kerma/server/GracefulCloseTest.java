package org.kerma.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;
import org.kerma.net.Status;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.service.Instance;
import org.kerma.registry.Registry;
import org.kerma.registry.index.Hierarchy;

/**
 * {@link KermaNode#close()} while a large C-STORE is arriving: the DICOM port closes at once, the store finishes
 * with Success, and only then is the database closed; the object is in the index when the registry is reopened.
 */
class GracefulCloseTest {
    @TempDir
    Path data;

    @Test
    void finishesTheStoreInFlightBeforeClosingTheDatabase() throws Exception {
        DicomObject big = TestImages.ct("GRACE", 50, 1, 1);
        big.put(Tag.PixelData, VR.OW, new byte[40 * 1024 * 1024]);
        NodeConfig config = NodeConfig.defaults().withDataDirectory(data).withPorts(0, 0);
        KermaNode node = KermaNode.start(config);
        int port = node.dicomPort();
        CompletableFuture<Status> stored = CompletableFuture.supplyAsync(() -> {
            try (DicomClient client = DicomClient.connect(Connection.to("KERMA", "127.0.0.1", port)
                    .withCallingAe("CT1"), Proposal.storage(List.of(Instance.of(big))))) {
                Status s = client.store(big).status();
                client.release();
                return s;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Path incoming = data.resolve("archive").resolve("incoming");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!partFileIn(incoming) && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(partFileIn(incoming)).as("the store is in flight").isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);
        long refusedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean refused = false;
        while (!refused && System.nanoTime() < refusedBy) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                Thread.sleep(20);
            } catch (IOException e) {
                refused = true;
            }
        }
        assertThat(refused).as("no new callers once closing").isTrue();

        assertThat(stored.get(60, TimeUnit.SECONDS)).isEqualTo(Status.SUCCESS);
        closing.get(60, TimeUnit.SECONDS);
        try (Registry registry = Registry.open(config.registryConfig())) {
            assertThat(registry.index().read("find", c -> Hierarchy.find(c, TestImages.sop(50, 1, 1)))
                    .map(i -> i.fileSize()).orElse(0L)).isGreaterThan(40L * 1024 * 1024);
        }
    }

    private static boolean partFileIn(Path dir) throws IOException {
        return !TestImages.partFilesUnder(dir).isEmpty();
    }
}
