package org.kerma.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;
import org.kerma.net.Status;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.Response;
import org.kerma.net.service.Instance;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.index.IndexedInstance;

/**
 * The node's archive on a 2 MiB tmpfs: C-STORE answers 0xA700 (Out of Resources) once the disk is full, keeps
 * nothing partial, loses nothing acknowledged, and stores again when space returns. Needs permission to mount a
 * tmpfs (root, as in CI); skipped with a message otherwise.
 */
class DiskFullNodeTest {
    @TempDir
    Path dir;
    private Path volume;

    @BeforeEach
    void mountSmallVolume() throws Exception {
        volume = Files.createDirectories(dir.resolve("volume"));
        Peers.Result mount = Peers.run(dir, java.time.Duration.ofSeconds(30), "mount", "-t", "tmpfs", "-o",
                "size=2m", "tmpfs", volume.toString());
        Assumptions.assumeTrue(mount.exitCode() == 0, "cannot mount a tmpfs for the disk-full test (needs root): "
                + mount.output().strip());
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", volume.toString()).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
    }

    private static DicomObject large(int n) {
        DicomObject d = TestImages.ct("FULL", 30, 1, n);
        d.put(Tag.PixelData, VR.OW, new byte[200_000]);
        return d;
    }

    @Test
    void answersOutOfResourcesWhenTheDiskIsFullAndStoresAgainWhenSpaceReturns() throws Exception {
        Path ballast = Files.write(volume.resolve("ballast"), new byte[600_000]);
        NodeConfig config = NodeConfig.defaults().withDataDirectory(volume)
                .withDatabaseUrl("jdbc:sqlite:" + dir.resolve("kerma.db")).withPorts(0, 0);
        try (KermaNode node = KermaNode.start(config);
             DicomClient client = DicomClient.connect(Connection.to("KERMA", "127.0.0.1", node.dicomPort())
                     .withCallingAe("CT1"), Proposal.storage(List.of(Instance.of(large(0)))))) {
            List<String> acknowledged = new ArrayList<>();
            Response refused = null;
            int n = 0;
            while (refused == null && n < 20) {
                DicomObject d = large(n++);
                Response r = client.store(d);
                if (r.status().isSuccess()) {
                    acknowledged.add(d.getString(Tag.SOPInstanceUID, ""));
                } else {
                    refused = r;
                }
            }
            assertThat(refused).as("the disk filled up").isNotNull();
            assertThat(refused.status()).isEqualTo(Status.OUT_OF_RESOURCES);
            assertThat(refused.errorComment()).isNotEmpty();
            assertThat(acknowledged).isNotEmpty();
            assertThat(TestImages.partFilesUnder(volume.resolve("archive").resolve("incoming")))
                    .as("nothing partial kept").isEmpty();

            Files.delete(ballast);
            DicomObject retried = large(n - 1);
            assertThat(client.store(retried).status()).isEqualTo(Status.SUCCESS);
            acknowledged.add(retried.getString(Tag.SOPInstanceUID, ""));

            for (String sop : acknowledged) {
                java.util.Optional<IndexedInstance> row = node.registry().index().read("find",
                        c -> Hierarchy.find(c, sop));
                assertThat(row).as(sop).isPresent();
            }
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
        }
    }
}
