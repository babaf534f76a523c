package org.kerma.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

class ParseFilesTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ParseFiles.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void writeImage(String name, String uid) throws IOException {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, uid);
        ds.setString(Tag.PatientName, "Doe^Jane");
        ds.put(Tag.PixelData, VR.OW, new byte[64]);
        DicomWriter.writeFile(dir.resolve(name), null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                WriteOptions.DEFAULT);
    }

    @Test
    void countsFilesAndElementsUpToPixelDataAndGoesOnPastAFileItCannotParse() throws IOException {
        writeImage("a.dcm", "2.25.1");
        writeImage("b.dcm", "2.25.2");
        Files.write(dir.resolve("c.dcm"), new byte[0]);

        int code = run("--warmup-passes", "0", "--passes", "2", "--json", dir.toString());

        assertThat(code).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("3 files in \\d+\\.\\d{3} s = \\d+ files/s \\(1 failed, \\d+ elements\\)");
        assertThat(lines[2]).startsWith("{\"tool\": \"kerma\", \"files\": 3, \"failed\": 1,")
                .contains("\"warmup_passes\": 0").containsPattern("\"seconds\": \\[[0-9.]+, [0-9.]+\\]");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("not parsed: ").contains("c.dcm");
    }

    @Test
    void stopsBeforePixelData() throws IOException {
        writeImage("a.dcm", "2.25.1");
        DicomFile whole = DicomReader.read(dir.resolve("a.dcm"));

        assertThat(whole.dataset().size()).isEqualTo(4);
        assertThat(ParseFiles.parseAll(List.of(dir.resolve("a.dcm"))).elements())
                .isEqualTo(whole.fileMeta().size() + 3);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--fast", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --fast").contains("usage:");
    }

    @Test
    void missingSourceIsAUsageError() {
        assertThat(run("--passes", "1")).isEqualTo(2);
    }

    @Test
    void unreadableSourceFailsWithExitCodeOne() {
        assertThat(run(dir.resolve("absent").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a directory");
    }
}
