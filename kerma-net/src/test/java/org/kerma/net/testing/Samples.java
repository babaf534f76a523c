package org.kerma.net.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

/** Small synthetic instances made in the test, so kerma-net's tests need no corpus. */
public final class Samples {

    private Samples() {
    }

    /**
     * A 16x16 CT image of patient {@code patientId}; pixel values depend on {@code n} so files differ.
     * UIDs are 2.25 UUID-derived style constants built from the arguments.
     */
    public static DicomObject ct(String patientId, int study, int n) {
        DicomObject d = new DicomObject();
        d.setString(Tag.SOPClassUID, Uid.CTImageStorage);
        d.setString(Tag.SOPInstanceUID, "2.25.1000" + study + "000" + n);
        d.setString(Tag.StudyInstanceUID, "2.25.2000" + study);
        d.setString(Tag.SeriesInstanceUID, "2.25.3000" + study + "1");
        d.setString(Tag.PatientID, patientId);
        d.setString(Tag.PatientName, "Doe^" + patientId);
        d.setString(Tag.StudyDate, "20260101");
        d.setString(Tag.AccessionNumber, "ACC" + study);
        d.setString(Tag.Modality, "CT");
        d.setLong(Tag.InstanceNumber, n);
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
            pixels[i] = (byte) (i + n);
            pixels[i + 1] = (byte) ((i >> 8) & 0x0f);
        }
        d.put(Tag.PixelData, VR.OW, pixels);
        return d;
    }

    /** Writes a data set as a Part 10 file in {@code ts}. */
    public static Path write(Path dir, DicomObject d, TransferSyntax ts) throws IOException {
        Path file = dir.resolve(d.getString(Tag.SOPInstanceUID, "x") + ".dcm");
        DicomWriter.writeFile(file, null, d, ts, WriteOptions.DEFAULT);
        return file;
    }
}
