package org.kerma.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

/** Small CT images made in the test, with UIDs under Kerma's test root. */
final class TestImages {

    /**
     * The temporary {@code .part} files anywhere under an archive's {@code incoming/} directory (each open archive
     * writes into {@code incoming/<owner>/}, beside its {@code owner.lock}); empty when the directory is absent.
     */
    static List<Path> partFilesUnder(Path incoming) throws IOException {
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(incoming)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }

    static final String ROOT = "1.2.826.0.1.3680043.10.1188.7.";

    private TestImages() {
    }

    static String study(int study) {
        return ROOT + "1." + study;
    }

    static String series(int study, int series) {
        return ROOT + "2." + study + "." + series;
    }

    static String sop(int study, int series, int n) {
        return ROOT + "3." + study + "." + series + "." + n;
    }

    /** A 16x16 CT image; pixels depend on the arguments so files differ. */
    static DicomObject ct(String patientId, int study, int series, int n) {
        DicomObject d = new DicomObject();
        d.setString(Tag.SpecificCharacterSet, "ISO_IR 100");
        d.setString(Tag.SOPClassUID, Uid.CTImageStorage);
        d.setString(Tag.SOPInstanceUID, sop(study, series, n));
        d.setString(Tag.StudyInstanceUID, study(study));
        d.setString(Tag.SeriesInstanceUID, series(study, series));
        d.setString(Tag.PatientID, patientId);
        d.setString(Tag.PatientName, "Node^" + patientId);
        d.setString(Tag.StudyDate, "2026010" + (study % 9 + 1));
        d.setString(Tag.StudyTime, "101500");
        d.setString(Tag.AccessionNumber, "ACC" + study);
        d.setString(Tag.StudyID, "S" + study);
        d.setString(Tag.Modality, "CT");
        d.setString(Tag.SeriesNumber, Integer.toString(series));
        d.setString(Tag.InstanceNumber, Integer.toString(n));
        d.setLong(Tag.Rows, 16);
        d.setLong(Tag.Columns, 16);
        d.setLong(Tag.BitsAllocated, 16);
        d.setLong(Tag.BitsStored, 12);
        d.setLong(Tag.HighBit, 11);
        d.setLong(Tag.PixelRepresentation, 0);
        d.setLong(Tag.SamplesPerPixel, 1);
        d.setString(Tag.PhotometricInterpretation, "MONOCHROME2");
        byte[] pixels = new byte[16 * 16 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) (i + n + 7 * series + 31 * study);
            pixels[i + 1] = (byte) ((i >> 8) & 0x0f);
        }
        d.put(Tag.PixelData, VR.OW, pixels);
        return d;
    }

    /** Writes a data set as a Part 10 file named after its SOP Instance UID. */
    static Path write(Path dir, DicomObject d) throws IOException {
        Path file = dir.resolve(d.getString(Tag.SOPInstanceUID, "x") + ".dcm");
        DicomWriter.writeFile(file, null, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        return file;
    }
}
