package org.kerma.registry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomReader;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.archive.Archive;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.index.IndexedInstance;

/**
 * Kill -9 during a bulk ingest of 1,000 objects in another JVM: after reopening, every acknowledged object is in
 * the archive and the index with the bytes the index records, no temporary file is left, and every archived file
 * is a complete object.
 */
abstract class CrashContract {
    @TempDir
    Path data;

    abstract String databaseUrl() throws Exception;

    @Test
    void everyAcknowledgedObjectSurvivesAKillNineAndNoPartialFileIsVisible() throws Exception {
        String url = databaseUrl();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BulkIngestMain.class.getName(), data.toString(), url,
                "1000").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        try (InputStream out = child.getInputStream();
             BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("acknowledged ")) {
                    acknowledged.add(line.substring("acknowledged ".length()));
                }
                if (acknowledged.size() == 150) {
                    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no closing
                    break;
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();
        assertThat(acknowledged).hasSize(150);

        try (Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data)
                .withDatabaseUrl(url))) {
            assertThat(registry.archive().orphans()).isEmpty();
            for (String sop : acknowledged) {
                IndexedInstance indexed = registry.index().read("find", c -> Hierarchy.find(c, sop)).orElseThrow(
                        () -> new AssertionError("acknowledged " + sop + " is not in the index"));
                Path file = registry.archive().resolve(indexed.filePath());
                try (InputStream in = Files.newInputStream(file)) {
                    assertThat(Archive.digest(in)).as(sop).isEqualTo(indexed.sha256());
                }
            }
            for (Path file : registry.archive().archivedFiles()) {
                assertThat(DicomReader.read(file).dataset().getString(Tag.SOPInstanceUID, "") + ".dcm")
                        .isEqualTo(file.getFileName().toString());
            }
        }
    }
}
