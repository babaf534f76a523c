package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import picocli.CommandLine;

/** kerma dump's listing (text form): offsets, keywords, nesting, and how unreadable files are reported. */
class DumpListingTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run kerma(String... args) {
        CommandLine commandLine = Kerma.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    private Path doseReport() throws Exception {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.88.67");
        ds.setString(Tag.SOPInstanceUID, "1.2.3.4");
        ds.setString(Tag.PatientName, "Doe^Jane");
        ds.newSequence(Tag.ContentSequence).addItem().setString(Tag.ValueType, "CONTAINER");
        Path file = dir.resolve("rdsr.dcm");
        DicomWriter.writeFile(file, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        return file;
    }

    @Test
    void listsElementsWithOffsetsKeywordsAndNestedItems() throws Exception {
        Run run = kerma("dump", doseReport().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("# transfer syntax: 1.2.840.10008.1.2.1 (Explicit VR Little Endian)")
                .containsPattern("\\s132 \\(0002,0000\\) UL\\s+4\\s+1 FileMetaInformationGroupLength")
                .containsPattern("\\(0010,0010\\) PN\\s+8\\s+1 PatientName\\s+\\[Doe\\^Jane\\]")
                .containsPattern("\\(0040,A730\\) SQ\\s+undef\\s+1 ContentSequence\\s+1 item")
                .containsPattern("\\s+\\(0040,A040\\) CS\\s+10\\s+1 ValueType\\s+\\[CONTAINER\\]");
    }

    @Test
    void reportsAnUnreadableFileAndGoesOnWithTheOthers() throws Exception {
        Path good = doseReport();
        Path empty = Files.write(dir.resolve("empty.dcm"), new byte[0]);

        Run run = kerma("dump", empty.toString(), good.toString(), dir.resolve("missing.dcm").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("kerma dump: " + empty + ": the file is empty, at byte offset 0")
                .contains("kerma dump: no such file: " + dir.resolve("missing.dcm"));
        assertThat(run.out()).contains("# file: " + good).contains("PatientName");
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        assertThat(kerma("dump").exitCode()).isEqualTo(2);
    }
}
