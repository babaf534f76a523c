package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.protocol.ProtocolFixtures;

/** {@code kerma protocol show|check|tree} on the protocol fixtures written as Part 10 files. */
class ProtocolCommandTest {
    @TempDir
    static Path dir;

    private static CommandRun kerma(String... args) {
        return CommandRun.kerma(new Object[0], args);
    }

    @BeforeAll
    static void writeFixtures() throws Exception {
        for (ProtocolFixtures.Named f : ProtocolFixtures.all()) {
            DicomWriter.writeFile(dir.resolve(f.fileName()), null, f.dataset(),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        }
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void showPrintsTheCarotidProtocolReadably() {
        CommandRun run = kerma("protocol", "show", file("XA-DEFINED-Carotids.dcm"));
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("XA Defined Procedure Protocol \"CAROTIDS\"\n")
                .contains("  equipment: XA: Angiotech Angiomatic (software XA01)\n")
                .contains("  patient: Patient's Age > 018Y\n")
                .contains("acquisition 3 ROTATIONAL SUB: 3D rotational subtracted run\n")
                .contains("    Primary Positioner Scan Arc [180 .. 200] deg"
                        + "  [XAPlaneDetailsSequence[1].PrimaryPositionerScanArc]  (not modifiable)\n")
                .contains("reconstruction 1 3D SUB RECONSTRUCTION (from acquisition 3)")
                .doesNotContain("findings:");
    }

    @Test
    void showPrintsTheStorageDestinationAndTheOtherDevicesSource() {
        assertThat(kerma("protocol", "show", file("XA-DEFINED-TwoDevice-UID_01.dcm")).out())
                .contains("storage 1 SEND TO 3D WS (from acquisition 3)")
                .contains("Destination AE = AET_3D_WS  [OutputInformationSequence[*].DICOMStorageSequence[*]"
                        + ".DestinationAE]  (not modifiable)");
        assertThat(kerma("protocol", "show", file("XA-DEFINED-TwoDevice-UID_02.dcm")).out())
                .contains("reconstruction 1 3D SUB RECONSTRUCTION (from acquisition 3 of " + ProtocolFixtures.UID_01
                        + ")");
    }

    @Test
    void showJsonCarriesElementsConstraintsAndCodes() throws Exception {
        CommandRun run = kerma("protocol", "show", "--json", file("CT-DEFINED-RoutineAdultHead.dcm"));
        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("protocolName").asText()).isEqualTo("ROUTINE ADULT HEAD");
        JsonNode phantom = json.get("elements").get(0).get("constraints").get(3);
        assertThat(phantom.get("constraintType").asText()).isEqualTo("EQUAL");
        assertThat(phantom.get("values").get(0).get("codes").get(0).get("value").asText()).isEqualTo("113690");
        assertThat(json.get("patientSpecification").get(0).get("allowed").asText()).isEqualTo(">= 018Y");
        assertThat(json.get("findings")).isEmpty();
    }

    @Test
    void showPrintsPerformedProtocolsAndApprovals() {
        assertThat(kerma("protocol", "show", file("XA-PERFORMED-Carotids-TwoViolations.dcm")).out())
                .contains("acquisition 3 ROTATIONAL SUB")
                .contains("PLANE A, field of view [300.0, 300.0] mm, scan arc 210.0 deg, rotation step 0.5 deg,"
                        + " filter COPPER [0.5]..[0.5] mm");
        assertThat(kerma("protocol", "show", file("PROTOCOL-APPROVAL-Carotids.dcm")).out())
                .contains("(128603, DCM, \"Approved for use at the institution\") by Curie^Marie (PSN) at"
                        + " 20260301120000 for Kerma General Hospital");
    }

    @Test
    void showRefusesAnImage() {
        CommandRun run = kerma("protocol", "show", file("XA-IMAGE-Carotids-1.dcm"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("kerma protocol show: " + file("XA-IMAGE-Carotids-1.dcm")
                + ": not a procedure protocol or protocol approval (SOP Class UID '1.2.840.10008.5.1.4.1.1.12.1')");
    }

    @Test
    void checkPrintsTheTwoFailuresAndExitsWithThree() {
        CommandRun run = kerma("protocol", "check", file("XA-DEFINED-Carotids.dcm"),
                file("XA-PERFORMED-Carotids-TwoViolations.dcm"));
        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FINDINGS);
        assertThat(run.out()).contains("8 pass, 2 fail, 0 not evaluable");
        assertThat(run.out().lines().filter(l -> l.startsWith("FAIL"))).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("XA-PERFORMED-Carotids-TwoViolations.dcm")
                        .contains("acquisition 3 ROTATIONAL SUB"));
        assertThat(run.out()).containsPattern("FAIL +\\S+ +acquisition 3 ROTATIONAL SUB +Primary Positioner Scan Arc"
                + " +210 +\\[180 \\.\\. 200\\] deg");
    }

    @Test
    void checkPassesTheCompliantCtProtocolAndItsImages() {
        CommandRun run = kerma("protocol", "check", file("CT-DEFINED-RoutineAdultHead.dcm"),
                file("CT-PERFORMED-RoutineAdultHead.dcm"), file("CT-IMAGE-RoutineAdultHead-1.dcm"),
                file("CT-IMAGE-RoutineAdultHead-2.dcm"));
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("8 pass, 0 fail, 0 not evaluable").contains("6 pass, 0 fail, 0 not evaluable");
    }

    @Test
    void checkJsonOfImagesInAMixedSeries() throws Exception {
        CommandRun run = kerma("protocol", "check", "--json", file("XA-DEFINED-Carotids.dcm"),
                file("XA-IMAGE-MixedSeries-1.dcm"), file("XA-IMAGE-MixedSeries-2.dcm"),
                file("XA-IMAGE-MixedSeries-3.dcm"), file("XA-IMAGE-MixedSeries-4.dcm"));
        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FINDINGS);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("compliant").asBoolean()).isFalse();
        assertThat(json.get("counts").get("FAIL").asInt()).isEqualTo(1);
        assertThat(json.get("findings").get(0).get("message").asText())
                .isEqualTo("references acquisition element 9 of " + ProtocolFixtures.CAROTID_UID
                        + ", which it does not have");
        JsonNode fail = null;
        for (JsonNode r : json.get("results")) {
            if (r.get("outcome").asText().equals("FAIL")) {
                fail = r;
            }
        }
        assertThat(fail.get("file").asText()).isEqualTo("XA-IMAGE-MixedSeries-3.dcm");
        assertThat(fail.get("actual").get(0).get("values").get(0).asText()).isEqualTo("0.4");
    }

    @Test
    void treeDrawsTheDirectory() {
        CommandRun run = kerma("protocol", "tree", dir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("defined XA \"CAROTIDS\" " + ProtocolFixtures.CAROTID_UID)
                .contains("└── performed \"ROUTINE ADULT HEAD\" " + ProtocolFixtures.CT_HEAD_PERFORMED_UID)
                .contains("(takes input from acquisition 3 for reconstruction 1 3D SUB RECONSTRUCTION)")
                .doesNotContain("findings:");
    }

    @Test
    void treeSkipsFilesThatAreNotDicom(@TempDir Path other) throws Exception {
        Files.copy(dir.resolve("XA-DEFINED-Carotids.dcm"), other.resolve("XA-DEFINED-Carotids.dcm"));
        Files.writeString(other.resolve("notes.txt"), "not DICOM");
        CommandRun run = kerma("protocol", "tree", other.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("kerma protocol tree: skipped " + other.resolve("notes.txt"));
        assertThat(run.out()).startsWith("defined XA \"CAROTIDS\"");
    }

    @Test
    void protocolWithoutASubcommandIsAUsageError() {
        CommandRun run = kerma("protocol");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("kerma protocol: Missing required subcommand");
        CommandRun check = kerma("protocol", "check", file("XA-DEFINED-Carotids.dcm"));
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("Missing required parameter: 'PERFORMED|IMAGES'");
    }

    @Test
    void checkRefusesADefinedProtocolThatIsNot() {
        CommandRun run = kerma("protocol", "check", file("XA-PERFORMED-Carotids-TwoViolations.dcm"),
                file("XA-IMAGE-Carotids-1.dcm"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("kerma protocol check: " + file("XA-PERFORMED-Carotids-TwoViolations.dcm")
                + ": not a Defined Procedure Protocol (SOP Class UID '1.2.840.10008.5.1.4.1.1.200.8')");
    }

    @Test
    void showNamesAMissingFile() {
        CommandRun run = kerma("protocol", "show", file("missing.dcm"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("kerma protocol show: no such file: " + file("missing.dcm"));
    }
}
