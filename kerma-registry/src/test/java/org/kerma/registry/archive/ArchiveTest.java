package org.kerma.registry.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
    @TempDir
    Path root;

    @Test
    void stagesBytesWithTheirDigestAndPlacesThemUnderTheStudyHashAndSopUid() throws Exception {
        try (Archive archive = Archive.open(root)) {
            StagedFile staged = archive.stage(new byte[] {1, 2}, new ByteArrayInputStream(new byte[] {3, 4, 5}));
            Path target = archive.pathOf("1.2.3", "1.2.3.4.5");

            archive.place(staged, target);

            assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3, 4, 5);
            assertThat(staged.size()).isEqualTo(5);
            assertThat(staged.sha256()).isEqualTo(Archive.digest(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5})));
            assertThat(archive.relative(target)).matches("[0-9a-f]{16}/1\\.2\\.3\\.4\\.5\\.dcm");
            assertThat(archive.archivedFiles()).containsExactly(target);
        }
    }

    @Test
    void neverNamesAStagedFileWhoseForceToDiskFailed() throws Exception {
        try (Archive archive = Archive.open(root)) {
            StagedFile written = archive.stage(new byte[0], new ByteArrayInputStream(new byte[] {1, 2, 3}));
            written.durable().get(10, java.util.concurrent.TimeUnit.SECONDS); // the normal case: forced meanwhile
            StagedFile notForced = new StagedFile(written.path(), written.size(), written.sha256(),
                    java.util.concurrent.CompletableFuture.failedFuture(new IOException("No space left on device")));
            Path target = archive.pathOf("1.2.3", "1.2.3.4.6");

            assertThatThrownBy(() -> archive.rename(notForced, target)).isInstanceOf(IOException.class)
                    .hasMessage("No space left on device");
            assertThat(target).doesNotExist();
            assertThat(written.path()).exists();
        }
    }

    @Test
    void namesAMalformedUidByItsDigestSoItCannotLeaveTheArchive() throws Exception {
        try (Archive archive = Archive.open(root)) {
            Path target = archive.pathOf("1.2.3", "../../etc/passwd");

            assertThat(target.getFileName().toString()).matches("x[0-9a-f]{64}\\.dcm");
            assertThat(target.startsWith(archive.root())).isTrue();
            assertThatThrownBy(() -> archive.resolve("../outside.dcm")).hasMessageContaining("outside the archive");
        }
    }

    @Test
    void deletesThePartFileWhenTheSourceFailsMidway() throws Exception {
        InputStream failing = new InputStream() { // ten bytes, then every read fails
            private int sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent >= 10) {
                    throw new IOException("association aborted");
                }
                int n = Math.min(len, 10 - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) 7);
                sent += n;
                return n;
            }
        };
        try (Archive archive = Archive.open(root)) {
            assertThatThrownBy(() -> archive.stage(new byte[0], failing)).hasMessage("association aborted");
            try (var files = Files.walk(root)) {
                assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
            }
        }
    }

    @Test
    void thePartFilesOfALiveWriterAreNotOrphansButThoseOfADeadOneAre() throws Exception {
        Path dead = Files.createDirectories(root.resolve("incoming").resolve("dead-owner"));
        Files.write(dead.resolve("owner.lock"), new byte[0]);
        Files.write(dead.resolve("half.part"), new byte[] {1});
        try (Archive serve = Archive.open(root)) {
            StagedFile inFlight = serve.stage(new byte[0], new ByteArrayInputStream(new byte[] {9}));
            try (Archive importer = Archive.open(root)) {
                assertThat(importer.orphans()).containsExactly(dead.resolve("half.part"));

                assertThat(importer.removeOrphans()).isEqualTo(1);

                assertThat(Files.exists(dead)).isFalse();
                assertThat(Files.exists(inFlight.path())).isTrue();
                assertThat(serve.orphans()).isEmpty();
            }
        }
    }

    @Test
    void closingReleasesItsEmptyIncomingDirectory() throws Exception {
        Archive archive = Archive.open(root);
        archive.close();

        try (var dirs = Files.list(root.resolve("incoming"))) {
            assertThat(dirs).isEmpty();
        }
    }
}
