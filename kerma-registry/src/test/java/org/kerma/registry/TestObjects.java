package org.kerma.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

/** Small, valid-enough DICOM objects built in code, so the registry's tests carry their own data. */
public final class TestObjects {
    public static final String ROOT = "1.2.826.0.1.3680043.10.1188.";

    private TestObjects() {
    }

    /** A 4×4 CT image of the given patient, study, series and instance. */
    public static DicomObject ctImage(String patientId, String patientName, String studyUid, String seriesUid,
                                      String sopUid) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 100");
        ds.setString(Tag.ImageType, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.SOPClassUID, Uid.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, sopUid);
        ds.setString(Tag.StudyDate, "20240315");
        ds.setString(Tag.StudyTime, "101500");
        ds.setString(Tag.AccessionNumber, "ACC" + Math.abs(studyUid.hashCode() % 100000));
        ds.setString(Tag.Modality, "CT");
        ds.setString(Tag.Manufacturer, "Kerma Test");
        ds.setString(Tag.ReferringPhysicianName, "Referring^Rita");
        ds.setString(Tag.StationName, "CT01");
        ds.setString(Tag.StudyDescription, "CT Chest");
        ds.setString(Tag.PatientName, patientName);
        ds.setString(Tag.PatientID, patientId);
        ds.setString(Tag.PatientBirthDate, "19700101");
        ds.setString(Tag.PatientSex, "F");
        ds.setString(Tag.StudyInstanceUID, studyUid);
        ds.setString(Tag.SeriesInstanceUID, seriesUid);
        ds.setString(Tag.StudyID, "1");
        ds.setString(Tag.SeriesNumber, "2");
        ds.setString(Tag.InstanceNumber, "3");
        ds.setLong(Tag.SamplesPerPixel, 1);
        ds.setString(Tag.PhotometricInterpretation, "MONOCHROME2");
        ds.setLong(Tag.Rows, 4);
        ds.setLong(Tag.Columns, 4);
        ds.setLong(Tag.BitsAllocated, 16);
        ds.setLong(Tag.BitsStored, 12);
        ds.setLong(Tag.HighBit, 11);
        ds.setLong(Tag.PixelRepresentation, 0);
        byte[] pixels = new byte[32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (sopUid.hashCode() >> (i % 4) ^ i);
        }
        ds.put(Tag.PixelData, VR.OW, pixels);
        return ds;
    }

    /** A minimal X-Ray Radiation Dose SR header (no content tree) of the given study. */
    public static DicomObject doseReport(String patientId, String studyUid, String seriesUid, String sopUid) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, Uid.XRayRadiationDoseSRStorage);
        ds.setString(Tag.SOPInstanceUID, sopUid);
        ds.setString(Tag.StudyDate, "20240315");
        ds.setString(Tag.Modality, "SR");
        ds.setString(Tag.PatientName, "Dose^Report");
        ds.setString(Tag.PatientID, patientId);
        ds.setString(Tag.StudyInstanceUID, studyUid);
        ds.setString(Tag.SeriesInstanceUID, seriesUid);
        ds.setString(Tag.ValueType, "CONTAINER");
        Sequence concept = ds.newSequence(Tag.ConceptNameCodeSequence);
        DicomObject code = concept.addItem();
        code.setString(Tag.CodeValue, "113701");
        code.setString(Tag.CodingSchemeDesignator, "DCM");
        code.setString(Tag.CodeMeaning, "X-Ray Radiation Dose Report");
        DicomObject template = ds.newSequence(Tag.ContentTemplateSequence).addItem();
        template.setString(Tag.MappingResource, "DCMR");
        template.setString(Tag.TemplateIdentifier, "10011");
        return ds;
    }

    /** The Part 10 encoding of {@code dataset} in Explicit VR Little Endian. */
    public static byte[] part10(DicomObject dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter.writeFile(out, null, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The bare data set in {@code ts}, as a C-STORE carries it. */
    public static byte[] dataset(DicomObject dataset, TransferSyntax ts) {
        return DicomWriter.encode(dataset, ts, WriteOptions.DEFAULT);
    }

    /** Writes {@code dataset} as a Part 10 file. */
    public static Path write(Path file, DicomObject dataset) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, part10(dataset));
        return file;
    }
}
