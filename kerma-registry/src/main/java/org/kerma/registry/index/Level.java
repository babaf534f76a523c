package org.kerma.registry.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.dicom.io.WriteOptions;

/**
 * The levels of the DICOM information model (PS3.4 C.3: patient, study, series, composite object instance) and,
 * for each, the attributes the index keeps so that C-FIND can match and return them: the required, unique and
 * optional keys of PS3.4 Tables C.6-1, C.6-2, C.6-3 and C.6-4 (and C.6-5 to C.6-7 for Study Root), plus a few
 * attributes of the General Series, Equipment and SR Document modules that dose work queries on. Attributes
 * computed from the index (Number of ... Related ..., Modalities in Study, SOP Classes in Study) are not stored.
 */
public enum Level {
    PATIENT(Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID, Tag.IssuerOfPatientIDQualifiersSequence,
            Tag.TypeOfPatientID, Tag.OtherPatientIDsSequence, Tag.OtherPatientNames, Tag.PatientBirthDate,
            Tag.PatientBirthTime, Tag.PatientSex, Tag.EthnicGroup, Tag.PatientComments, Tag.PatientSpeciesDescription,
            Tag.ResponsiblePerson, Tag.ResponsibleOrganization),
    STUDY(Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber, Tag.IssuerOfAccessionNumberSequence, Tag.StudyID,
            Tag.StudyInstanceUID, Tag.ReferringPhysicianName, Tag.StudyDescription, Tag.ProcedureCodeSequence,
            Tag.NameOfPhysiciansReadingStudy, Tag.AdmittingDiagnosesDescription, Tag.PatientAge, Tag.PatientSize,
            Tag.PatientWeight, Tag.Occupation, Tag.AdditionalPatientHistory, Tag.RequestingService),
    SERIES(Tag.Modality, Tag.SeriesNumber, Tag.SeriesInstanceUID, Tag.SeriesDate, Tag.SeriesTime,
            Tag.SeriesDescription, Tag.BodyPartExamined, Tag.Laterality, Tag.ProtocolName, Tag.OperatorsName,
            Tag.PerformingPhysicianName, Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime,
            Tag.PerformedProcedureStepID, Tag.RequestAttributesSequence, Tag.InstitutionName,
            Tag.InstitutionalDepartmentName, Tag.StationName, Tag.Manufacturer, Tag.ManufacturerModelName,
            Tag.DeviceSerialNumber),
    IMAGE(Tag.SOPClassUID, Tag.SOPInstanceUID, Tag.InstanceNumber, Tag.ImageType, Tag.ContentDate, Tag.ContentTime,
            Tag.AcquisitionDate, Tag.AcquisitionTime, Tag.AcquisitionDateTime, Tag.AcquisitionNumber,
            Tag.NumberOfFrames, Tag.Rows, Tag.Columns, Tag.BitsAllocated, Tag.ImageComments,
            Tag.ConceptNameCodeSequence, Tag.ContentTemplateSequence, Tag.CompletionFlag, Tag.VerificationFlag,
            Tag.ContentLabel, Tag.ContentDescription, Tag.PresentationCreationDate, Tag.IrradiationEventUID,
            Tag.ObservationDateTime);

    private final int[] tags;

    Level(int... tags) {
        this.tags = tags;
    }

    /** The attributes this level keeps, in no particular order. */
    public int[] tags() {
        return tags.clone();
    }

    /** True when this level keeps {@code tag}. */
    public boolean keeps(int tag) {
        for (int t : tags) {
            if (t == tag) {
                return true;
            }
        }
        return false;
    }

    /**
     * The attributes of this level found in {@code dataset}, with its Specific Character Set, encoded in Explicit VR
     * Little Endian for the index's {@code attributes} column. Values held in the file as bulk data are left out.
     */
    public byte[] encode(DicomObject dataset) {
        DicomObject kept = new DicomObject();
        copy(dataset, kept, Tag.SpecificCharacterSet);
        for (int tag : tags) {
            copy(dataset, kept, tag);
        }
        return DicomWriter.encode(kept, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
    }

    /** Decodes an {@code attributes} column written by {@link #encode}. */
    public static DicomObject decode(byte[] attributes) {
        try {
            return DicomReader.readDataset(new ByteArrayInputStream(attributes), "index attributes",
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("the index holds attributes it cannot decode: " + e.getMessage(), e);
        }
    }

    /** Copies element {@code tag} (sequences deeply) from {@code from} to {@code to}, if present. */
    public static void copy(DicomObject from, DicomObject to, int tag) {
        int i = from.indexOf(tag);
        if (i < 0) {
            return;
        }
        Object value = from.valueAt(i);
        if (value instanceof Sequence sequence) {
            Sequence target = to.newSequence(tag);
            for (DicomObject item : sequence.items()) {
                DicomObject copy = target.addItem();
                for (int j = 0; j < item.size(); j++) {
                    copy(item, copy, item.tagAt(j));
                }
            }
        } else if (!(value instanceof BulkData)) {
            to.put(tag, from.vrAt(i), value);
        }
    }
}
