package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private static CommandRun kerma(String... args) {
        return CommandRun.kerma(new Object[0], args);
    }

    /** A Secondary Capture image with its patient and study but no series, equipment or pixels. */
    private Path incompleteSecondaryCapture() throws Exception {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, "1.2.826.0.1.3680043.2.1125.1");
        ds.setString(Tag.StudyInstanceUID, "1.2.826.0.1.3680043.2.1125.2");
        ds.setString(Tag.PatientName, "Doe^Jane");
        ds.setString(Tag.PatientID, "P1");
        ds.setString(Tag.PatientBirthDate, "19700101");
        ds.setString(Tag.PatientSex, "X");
        Path file = dir.resolve("sc.dcm");
        DicomWriter.writeFile(file, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        return file;
    }

    @Test
    void reportsMissingAttributesByModuleAndExitsThree() throws Exception {
        CommandRun run = kerma("validate", incompleteSecondaryCapture().toString());

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FINDINGS);
        assertThat(run.out()).contains("ERROR MISSING_TYPE_1 module=general-series (0020,000E) SeriesInstanceUID",
                "ERROR MISSING_TYPE_2 module=general-study (0008,0020) StudyDate",
                "ERROR MISSING_TYPE_1 module=image-pixel (0028,0010) Rows",
                "ERROR ENUMERATED_VALUE module=patient (0010,0040) PatientSex: value 1 'X'");
    }

    @Test
    void printsFindingsAsJson() throws Exception {
        CommandRun run = kerma("validate", "--json", "--errors-only", incompleteSecondaryCapture().toString());

        assertThat(run.out()).contains("\"rule\" : \"MISSING_TYPE_1\"", "\"module\" : \"general-series\"",
                "\"tag\" : \"(0020,000E)\"", "\"keyword\" : \"SeriesInstanceUID\"")
                .doesNotContain("NOT_CHECKED");
    }

    @Test
    void agreesWithDciodvfyOnAPhilipsSecondaryCapture() {
        Path file = Path.of(System.getProperty("kerma.shared", "../../shared"), "corpus", "openrem",
                "CT-SC-Philips_Brilliance16P.dcm");

        CommandRun run = kerma("validate", "--errors-only", file.toString());

        assertThat(run.out().lines().filter(l -> l.startsWith("ERROR"))).containsExactly(
                "ERROR MISSING_CONDITIONAL module=general-image (0020,0020) PatientOrientation: type 2C attribute is"
                        + " missing although its condition PatientOrientationRequired holds",
                "ERROR MISSING_CONDITIONAL module=image-pixel (7FE0,0010) PixelData: type 1C attribute is missing"
                        + " although its condition PixelDataProviderURLIsAbsent holds",
                "ERROR MISSING_CONDITIONAL module=modality-lut (0028,1054) RescaleType: type 1C attribute is missing"
                        + " although its condition RescaleInterceptPresent holds");
    }

    @Test
    void reportsAnUnreadableFileByName() throws Exception {
        Path junk = dir.resolve("junk.dcm");
        java.nio.file.Files.writeString(junk, "not dicom");

        CommandRun run = kerma("validate", junk.toString());

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(run.err()).contains("kerma validate: " + junk);
    }
}
