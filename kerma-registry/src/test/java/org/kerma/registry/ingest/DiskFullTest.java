package org.kerma.registry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
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
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestDatabases;
import org.kerma.registry.TestObjects;
import org.kerma.registry.archive.Archive;
import org.kerma.registry.index.Hierarchy;

/**
 * A full disk: the archive on a 2 MiB tmpfs. Ingest fails with Out of Resources (0xA700) and keeps nothing of the
 * object it could not write; everything acknowledged before stays intact; ingest works again once space returns.
 * Needs permission to mount a tmpfs (root, as in CI); skipped with a message otherwise.
 */
class DiskFullTest {
    @TempDir
    Path dir;
    private Path volume;

    @BeforeEach
    void mountSmallVolume() throws Exception {
        volume = Files.createDirectories(dir.resolve("volume"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", volume.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "cannot mount a tmpfs for the disk-full test (needs root): " + output.strip());
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", volume.toString()).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
    }

    private static byte[] largeImage(int i) {
        DicomObject ds = TestObjects.ctImage("F1", "Full^Disk", TestObjects.ROOT + "6", TestObjects.ROOT + "6.1",
                TestObjects.ROOT + "6.1." + i);
        ds.put(Tag.PixelData, VR.OW, new byte[100_000]);
        return TestObjects.dataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private static IngestOutcome send(Registry registry, int i) throws IngestException {
        return registry.ingest().storeDataset(new ByteArrayInputStream(largeImage(i)),
                new StoreRequest(Uid.CTImageStorage, TestObjects.ROOT + "6.1." + i,
                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "KERMA"),
                Origin.association("CT01", "message " + i));
    }

    @Test
    void answersOutOfResourcesWhenTheDiskIsFullAndRecoversWhenSpaceReturns() throws Exception {
        Path data = volume.resolve("data");
        RegistryConfig config = RegistryConfig.defaults().withDataDirectory(data)
                .withDatabaseUrl(TestDatabases.sqlite(dir));
        try (Registry registry = Registry.open(config)) {
            Path filler = data.resolve("filler");
            Files.write(filler, new byte[1_200_000]);
            List<IngestOutcome> acknowledged = new ArrayList<>();
            IngestException failure = null;
            for (int i = 0; i < 50 && failure == null; i++) {
                try {
                    acknowledged.add(send(registry, i));
                } catch (IngestException e) {
                    failure = e;
                }
            }

            assertThat(failure).isNotNull();
            assertThat(failure.reason()).isEqualTo(IngestException.Reason.OUT_OF_RESOURCES);
            assertThat(failure.reason().status()).isEqualTo(0xA700);
            assertThat(failure.getMessage()).startsWith("message " + acknowledged.size() + ": cannot write to the"
                    + " archive");
            assertThat(acknowledged).isNotEmpty();
            assertThat(registry.archive().orphans()).isEmpty();
            for (IngestOutcome o : acknowledged) {
                try (InputStream in = Files.newInputStream(o.file())) {
                    String digest = Archive.digest(in);
                    assertThat(registry.index().read("find", c -> Hierarchy.find(c, o.sopInstanceUid()))
                            .orElseThrow().sha256()).isEqualTo(digest);
                }
            }
            int next = acknowledged.size();
            assertThatThrownBy(() -> send(registry, next)).isInstanceOf(IngestException.class);

            Files.delete(filler);

            assertThat(send(registry, next).result()).isEqualTo(IngestOutcome.Result.STORED);
        }
    }
}
