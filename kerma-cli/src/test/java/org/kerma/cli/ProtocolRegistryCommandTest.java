package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.protocol.ProtocolFixtures;

/** {@code kerma protocol show|check|tree ... --data DIR} answering from a registry that imported the fixtures. */
class ProtocolRegistryCommandTest {
    @TempDir
    static Path dir;
    static Path data;

    private static CommandRun kerma(String... args) {
        return CommandRun.kerma(new Object[0], args);
    }

    @BeforeAll
    static void importFixtures() throws Exception {
        Path files = dir.resolve("files");
        java.nio.file.Files.createDirectories(files);
        for (ProtocolFixtures.Named f : ProtocolFixtures.all()) {
            DicomWriter.writeFile(files.resolve(f.fileName()), null, f.dataset(),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        }
        data = dir.resolve("data");
        CommandRun run = kerma("import", files.toString(), "--data", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void everyFixturePassesKermaValidateForItsIod() throws Exception {
        StringBuilder errors = new StringBuilder();
        for (ProtocolFixtures.Named f : ProtocolFixtures.all()) {
            CommandRun run = kerma("validate", "--errors-only", dir.resolve("files").resolve(f.fileName()).toString());
            assertThat(run.out()).as(f.fileName()).startsWith("# ");
            if (run.exitCode() != 0) {
                errors.append(run.out()).append(run.err());
            }
        }
        assertThat(errors.toString()).isEmpty();
    }

    @Test
    void showPrintsAProtocolOfTheRegistryAsItsFileWouldBe() {
        CommandRun fromRegistry = kerma("protocol", "show", ProtocolFixtures.CAROTID_UID, "--data", data.toString());
        assertThat(fromRegistry.exitCode()).as(fromRegistry.err()).isZero();
        CommandRun fromFile = kerma("protocol", "show", dir.resolve("files/XA-DEFINED-Carotids.dcm").toString());
        assertThat(fromRegistry.out()).isEqualTo(fromFile.out())
                .contains("    Primary Positioner Scan Arc [180 .. 200] deg");
        CommandRun missing = kerma("protocol", "show", "1.2.3", "--data", data.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("protocol 1.2.3 is not in the registry");
    }

    @Test
    void checkPrintsTheRegistrysComplianceAndExitsWith3OnAFailure() throws Exception {
        CommandRun run = kerma("protocol", "check", ProtocolFixtures.CAROTID_PERFORMED_UID, "--data", data.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("Compliance with performed protocol " + ProtocolFixtures.CAROTID_PERFORMED_UID)
                .containsPattern("FAIL +performed " + ProtocolFixtures.CAROTID_PERFORMED_UID
                        + " +acquisition 3 ROTATIONAL SUB +Primary Positioner Scan Arc +210 +\\[180 \\.\\. 200\\] deg")
                .contains("8 pass, 2 fail, 0 not evaluable");

        CommandRun compliant = kerma("protocol", "check", ProtocolFixtures.CT_HEAD_UID, "--data", data.toString());
        assertThat(compliant.exitCode()).isZero();
        assertThat(compliant.out()).contains("8 pass, 0 fail, 0 not evaluable");

        CommandRun json = kerma("protocol", "check", "--json", ProtocolFixtures.CAROTID_UID, "--data",
                data.toString());
        assertThat(json.exitCode()).isEqualTo(3);
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("fail").asInt()).isEqualTo(4);
        assertThat(report.get("rows").size()).isGreaterThan(20);
    }

    @Test
    void treeDrawsAStudyOfTheRegistry() {
        CommandRun run = kerma("protocol", "tree", ProtocolFixtures.STUDY_UID, "--data", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("defined CT \"ROUTINE ADULT HEAD\" " + ProtocolFixtures.CT_HEAD_UID)
                .contains("performed \"ROUTINE ADULT HEAD\" " + ProtocolFixtures.CT_HEAD_PERFORMED_UID)
                .contains("irradiation event ");
        assertThat(kerma("protocol", "tree", "1.2.3", "--data", data.toString()).err())
                .contains("study 1.2.3 is not in the registry");
    }
}
