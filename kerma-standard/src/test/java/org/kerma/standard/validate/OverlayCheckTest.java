package org.kerma.standard.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

/**
 * The Overlay Plane module (PS3.3 C.9.2, Table C.9-2) is checked in each repeating group 60xx the object has, on a
 * CT image written by Kerma's writer with one correct overlay and one broken one; dciodvfy is asked about the same
 * files. dciodvfy (1.00~20220618) checks only group 6000: it warns that the elements of other groups are "not
 * present in standard DICOM IOD" and checks nothing in them, while PS3.3 C.9.2 and PS3.5 Section 7.6 give the
 * module to each group 6000-601E.
 */
class OverlayCheckTest {
    private final IodValidator validator = IodValidator.standard();

    @TempDir
    Path dir;

    static DicomObject ctWithOverlays() {
        return ctWithOverlays(0x6002, 0x6000);
    }

    /** A 4×4 CT image with a broken overlay in group {@code broken} and a correct one in {@code correct}. */
    static DicomObject ctWithOverlays(int broken, int correct) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, Uid.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, "1.2.826.0.1.3680043.10.1188.60.1");
        ds.setString(Tag.StudyInstanceUID, "1.2.826.0.1.3680043.10.1188.60");
        ds.setString(Tag.SeriesInstanceUID, "1.2.826.0.1.3680043.10.1188.60.2");
        ds.setString(Tag.Modality, "CT");
        ds.setLong(Tag.Rows, 4);
        ds.setLong(Tag.Columns, 4);
        ds.setLong(Tag.BitsAllocated, 16);
        ds.setLong(Tag.BitsStored, 12);
        ds.setLong(Tag.HighBit, 11);
        ds.setLong(Tag.PixelRepresentation, 0);
        ds.setLong(Tag.SamplesPerPixel, 1);
        ds.setString(Tag.PhotometricInterpretation, "MONOCHROME2");
        overlay(ds, correct);
        overlay(ds, broken);
        ds.remove(broken << 16 | 0x0040); // Overlay Type, type 1
        ds.setLong(broken << 16 | 0x0100, 8); // Overlay Bits Allocated: enumerated value 1 only
        ds.remove(broken << 16 | 0x3000); // Overlay Data, type 1
        ds.put(Tag.PixelData, VR.OW, new byte[32]);
        return ds;
    }

    private static void overlay(DicomObject ds, int group) {
        int g = group << 16;
        ds.setLong(g | 0x0010, 4); // Overlay Rows
        ds.setLong(g | 0x0011, 4); // Overlay Columns
        ds.setString(g | 0x0040, "G"); // Overlay Type
        ds.setLong(g | 0x0050, 1, 1); // Overlay Origin
        ds.setLong(g | 0x0100, 1); // Overlay Bits Allocated
        ds.setLong(g | 0x0102, 0); // Overlay Bit Position
        ds.put(g | 0x3000, VR.OW, new byte[] {(byte) 0x81, 0x42}); // Overlay Data: 16 bits, one per pixel
    }

    private static List<String> overlayErrors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR && f.tag() >>> 24 == 0x60)
                .map(f -> f.rule() + " " + f.module() + " " + f.tagText() + " " + f.keyword()).toList();
    }

    @Test
    void checksEachOverlayGroupOnItsOwn() {
        List<String> errors = overlayErrors(validator.validate(ctWithOverlays()));

        assertThat(errors).containsExactlyInAnyOrder(
                "MISSING_TYPE_1 overlay-plane (6002,0040) OverlayType",
                "MISSING_TYPE_1 overlay-plane (6002,3000) OverlayData",
                "ENUMERATED_VALUE overlay-plane (6002,0100) OverlayBitsAllocated");
    }

    @Test
    void checksOverlayValuesAgainstTheirValueSets() {
        DicomObject ds = ctWithOverlays();
        ds.setString(0x60000040, "X");

        assertThat(overlayErrors(validator.validate(ds)))
                .contains("ENUMERATED_VALUE overlay-plane (6000,0040) OverlayType");
    }

    @Test
    void reportsNoOverlayFindingWithoutOverlays() {
        DicomObject ds = ctWithOverlays();
        for (int g = 0x6000; g <= 0x6002; g += 2) {
            for (int e : new int[] {0x0010, 0x0011, 0x0040, 0x0050, 0x0100, 0x0102, 0x3000}) {
                ds.remove(g << 16 | e);
            }
        }

        assertThat(validator.validate(ds)).noneMatch(f -> f.module().contains("overlay"));
    }

    /**
     * The same files through dciodvfy: with group 6000 broken, it names the same three attributes as Kerma; with
     * 6002 broken, nothing (it does not look past group 6000), where Kerma names them in 6002.
     */
    @Test
    void agreesWithDciodvfyOnGroup6000AndChecksTheGroupsItSkips() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(DciodvfyReport.DCIODVFY), "dciodvfy (dicom3tools) is not installed");
        List<String> first = dciodvfyOverlayErrors(write(ctWithOverlays(0x6000, 0x6002), "broken-6000.dcm"));
        assertThat(first).as(String.join("\n", first)).hasSize(3)
                .anyMatch(l -> l.contains("<OverlayType>"))
                .anyMatch(l -> l.contains("<OverlayData>"))
                .anyMatch(l -> l.contains("<Overlay Bits Allocated>"));
        assertThat(overlayErrors(validator.validate(DicomReader.read(dir.resolve("broken-6000.dcm")))))
                .containsExactlyInAnyOrder("MISSING_TYPE_1 overlay-plane (6000,0040) OverlayType",
                        "MISSING_TYPE_1 overlay-plane (6000,3000) OverlayData",
                        "ENUMERATED_VALUE overlay-plane (6000,0100) OverlayBitsAllocated");

        Path second = write(ctWithOverlays(0x6002, 0x6000), "broken-6002.dcm");
        assertThat(dciodvfyOverlayErrors(second)).isEmpty();
        assertThat(overlayErrors(validator.validate(DicomReader.read(second)))).hasSize(3);
    }

    private Path write(DicomObject ds, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            DicomWriter.writeFile(out, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        }
        return file;
    }

    private static List<String> dciodvfyOverlayErrors(Path file) throws IOException, InterruptedException {
        return DciodvfyReport.run(file).lines().stream()
                .filter(l -> l.startsWith("Error") && l.contains("Overlay")).toList();
    }
}
