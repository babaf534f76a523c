package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.dicom.json.DicomJson;
import org.kerma.dicom.json.JsonOptions;
import org.kerma.dicom.xml.DicomXml;
import org.kerma.dicom.xml.XmlOptions;

class DumpCommandTest {
    @TempDir
    Path dir;

    private static CommandRun kerma(String... args) {
        return CommandRun.kerma(new Object[0], args);
    }

    private Path file(String name, String patientName) throws Exception {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, "1.2.3.4." + name.length());
        ds.setString(Tag.PatientName, patientName);
        ds.setLong(Tag.Rows, 2);
        Path file = dir.resolve(name);
        DicomWriter.writeFile(file, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        return file;
    }

    @Test
    void jsonPrintsTheDataSetAsDicomJson() throws Exception {
        Path file = file("a.dcm", "Müller^Hans");

        CommandRun run = kerma("dump", "--json", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("\"00100010\"").contains("\"Alphabetic\" : \"Müller^Hans\"")
                .doesNotContain("00020010");
        DicomObject back = DicomJson.read(new StringReader(run.out()), JsonOptions.DEFAULT);
        assertThat(back.strings(Tag.PatientName)).containsExactly("Müller^Hans");
        assertThat(back.findInt(Tag.Rows)).hasValue(2);
    }

    @Test
    void xmlPrintsOneNativeModelDocumentPerFile() throws Exception {
        Path a = file("a.dcm", "Doe^John");
        Path b = file("bb.dcm", "Roe^Jane");

        CommandRun run = kerma("dump", "--xml", a.toString(), b.toString());

        assertThat(run.exitCode()).isZero();
        String[] documents = run.out().split("(?=<\\?xml )");
        assertThat(documents).hasSize(2);
        assertThat(DicomXml.fromXml(documents[0], XmlOptions.DEFAULT).strings(Tag.PatientName))
                .containsExactly("Doe^John");
        assertThat(DicomXml.fromXml(documents[1], XmlOptions.DEFAULT).strings(Tag.PatientName))
                .containsExactly("Roe^Jane");
        assertThat(run.out()).doesNotContain("# file:");
    }

    @Test
    void jsonPrintsOneDocumentPerFileSeparatedByNewlines() throws Exception {
        CommandRun run = kerma("dump", "--json", file("a.dcm", "A").toString(), file("bb.dcm", "B").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("(?s)^\\{.*\\}\n\\{.*\\}\n$");
    }

    @Test
    void jsonAndXmlAreMutuallyExclusive() throws Exception {
        CommandRun run = kerma("dump", "--json", "--xml", file("a.dcm", "A").toString());

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_USAGE);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void withoutAFormatTheListingIsUnchanged() throws Exception {
        CommandRun run = kerma("dump", file("a.dcm", "Doe^John").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("(0010,0010)").contains("Doe^John").doesNotContain("NativeDicomModel");
    }

    @Test
    void aMissingFileIsReportedAndTheOthersAreStillPrinted() throws Exception {
        CommandRun run = kerma("dump", "--xml", dir.resolve("missing.dcm").toString(), file("a.dcm", "A").toString());

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(run.err()).contains("no such file");
        assertThat(run.out()).contains("NativeDicomModel");
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
        CommandRun run = kerma("dump", doseReport().toString());

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

        CommandRun run = kerma("dump", empty.toString(), good.toString(), dir.resolve("missing.dcm").toString());

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

    @Test
    void namesTheDirectoryItCannotDump() {
        CommandRun run = kerma("dump", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("kerma dump: " + dir + ": ");
    }
}
