package org.kerma.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

/** Every fixture is written as a Part 10 file, read back identically by Kerma, and read without error by dcmdump. */
class FixtureRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyFixtureIsReadBackIdentically() throws IOException {
        for (ProtocolFixtures.Named f : ProtocolFixtures.all()) {
            Path file = write(f);
            DicomFile read = DicomReader.read(file);
            assertThat(read.dataset()).as(f.fileName()).isEqualTo(f.dataset());
            assertThat(read.warnings()).as(f.fileName()).isEmpty();
        }
    }

    @Test
    void fixturesAreBuiltTheSameEveryTime() {
        List<ProtocolFixtures.Named> a = ProtocolFixtures.all();
        List<ProtocolFixtures.Named> b = ProtocolFixtures.all();
        for (int i = 0; i < a.size(); i++) {
            assertThat(DicomWriter.encode(a.get(i).dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    WriteOptions.DEFAULT)).isEqualTo(DicomWriter.encode(b.get(i).dataset(),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT));
        }
    }

    @Test
    void dcmdumpReadsEveryFixtureWithoutError() throws Exception {
        for (ProtocolFixtures.Named f : ProtocolFixtures.all()) {
            Path file = write(f);
            Run run = run("dcmdump", "-dc", file.toString());
            assertThat(run.exitCode).as(f.fileName() + ": " + run.output).isZero();
            assertThat(run.output).as(f.fileName()).doesNotContain("E: ").doesNotContain("W: ");
        }
        Run defined = run("dcmdump", write(ProtocolFixtures.all().get(0)).toString());
        assertThat(defined.output).contains("(0072,0026) AT (0018,9461)").contains("[RANGE_INCL]")
                .contains("[ROTATIONAL SUB]").contains("[CAROTIDS]");
    }

    /** pydicom (the Debian python3-pydicom, through /usr/bin/python3) reads the constraints as Kerma wrote them. */
    @Test
    void pydicomReadsTheConstraintsAsWritten() throws Exception {
        Path file = write(ProtocolFixtures.all().get(0));
        String script = String.join("\n",
                "import sys, pydicom",
                "ds = pydicom.dcmread(sys.argv[1])",
                "e = ds.AcquisitionProtocolElementSpecificationSequence[2]",
                "print(e.ProtocolElementNumber, e.ProtocolElementName)",
                "for c in e.ParametersSpecificationSequence:",
                "    v = [x for x in c.ConstraintValueSequence[0]][0]",
                "    print(c.SelectorAttributeKeyword, c.ConstraintType, v.keyword, v.value,"
                        + " len(c.ConstraintValueSequence))",
                "p = ds.PatientSpecificationSequence[0]",
                "print(p.SelectorAttribute, p.ConstraintType, p.ConstraintValueSequence[0].SelectorASValue)");
        Run run = run("/usr/bin/python3", "-c", script, file.toString());
        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output.lines().toList()).containsExactly(
                "3 ROTATIONAL SUB",
                "FieldOfViewDimensionsInFloat EQUAL SelectorFLValue 300.0 1",
                "FilterThicknessMinimum RANGE_INCL SelectorDSValue 0.1 2",
                "PrimaryPositionerScanArc RANGE_INCL SelectorFLValue 180.0 2",
                "PrimaryPositionerIncrement EQUAL SelectorFLValue 0.5 1",
                "(0010, 1010) GREATER_THAN 018Y");
    }

    /**
     * The Debian dciodvfy (dicom3tools 1.00~20220618) knows none of the procedure protocol IODs: for every defined
     * and performed protocol, CT ones included, it answers "Error - Information Object Not found" (plus DICOMDIR
     * warnings for the defined protocols, which have no patient, study or series). So its verdict is recorded in
     * target/dciodvfy-protocols.txt, not required; should a newer dciodvfy know the IODs, the test asks that it
     * then reports no error.
     */
    @Test
    void dciodvfyOutputIsRecordedForTheDefinedProtocols() throws Exception {
        StringBuilder all = new StringBuilder();
        for (ProtocolFixtures.Named f : ProtocolFixtures.all()) {
            if (!f.fileName().contains("DEFINED") && !f.fileName().contains("PERFORMED")) {
                continue;
            }
            Run run = run("dciodvfy", write(f).toString());
            all.append("== ").append(f.fileName()).append('\n').append(run.output);
            assertThat(run.output.contains("Information Object Not found") || !run.output.contains("Error"))
                    .as(f.fileName() + ": " + run.output).isTrue();
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "dciodvfy-protocols.txt"), all.toString());
        assertThat(all.toString()).contains("XA-DEFINED-Carotids.dcm").contains("CT-DEFINED-RoutineAdultHead.dcm");
    }

    private Path write(ProtocolFixtures.Named f) throws IOException {
        Path file = dir.resolve(f.fileName());
        DicomWriter.writeFile(file, null, f.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                WriteOptions.DEFAULT);
        return file;
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
