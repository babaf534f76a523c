package org.kerma.dicom.sr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;

/** One content item of each value type of PS3.3 Table C.17-5, read through its accessor. */
class ValueTypesTest {

    /** The item as the first child of a document's root. */
    static ContentItem only(DicomObject item) {
        return new ContentItem(item, ContentPath.parse("1.1"));
    }

    static DicomObject item(String valueType, Code name) {
        DicomObject doc = new DicomObject();
        DicomObject item = doc.newSequence(Tag.ContentSequence).addItem();
        item.setString(Tag.RelationshipType, "CONTAINS");
        item.setString(Tag.ValueType, valueType);
        name.writeTo(item.newSequence(Tag.ConceptNameCodeSequence).addItem());
        return item;
    }

    @Test
    void readsImageReferenceWithFrames() {
        DicomObject image = item("IMAGE", Concepts.DCM.AcquiredImage);
        DicomObject ref = image.newSequence(Tag.ReferencedSOPSequence).addItem();
        ref.setString(Tag.ReferencedSOPClassUID, Uid.XRayAngiographicImageStorage);
        ref.setString(Tag.ReferencedSOPInstanceUID, "1.2.3.4.5");
        ref.setString(Tag.ReferencedFrameNumber, "2", "5");
        ContentItem c = only(image);
        assertThat(c.valueType()).contains(ValueType.IMAGE);
        assertThat(c.reference()).contains(new SopReference(Uid.XRayAngiographicImageStorage, "1.2.3.4.5",
                java.util.List.of(2L, 5L)));
    }

    @Test
    void readsCompositeAndWaveformReferences() {
        DicomObject composite = item("COMPOSITE", Concepts.DCM.Document);
        composite.newSequence(Tag.ReferencedSOPSequence).addItem()
                .setString(Tag.ReferencedSOPInstanceUID, "1.2.3");
        assertThat(only(composite).reference().orElseThrow().sopInstanceUid()).isEqualTo("1.2.3");
        assertThat(only(composite).reference().orElseThrow().frames()).isEmpty();
        DicomObject waveform = item("WAVEFORM", Concepts.DCM.Document);
        assertThat(only(waveform).valueType()).contains(ValueType.WAVEFORM);
        assertThat(only(waveform).reference()).isEmpty();
    }

    @Test
    void readsSpatialCoordinatesIn2dAnd3d() {
        DicomObject scoord = item("SCOORD", Concepts.DCM.Document);
        scoord.setString(Tag.GraphicType, "POLYLINE");
        scoord.setDouble(Tag.GraphicData, 1, 2, 3, 4);
        assertThat(only(scoord).graphicType()).contains("POLYLINE");
        assertThat(only(scoord).graphicData()).containsExactly(1, 2, 3, 4);
        DicomObject scoord3d = item("SCOORD3D", Concepts.DCM.Document);
        scoord3d.setString(Tag.GraphicType, "POINT");
        scoord3d.setString(Tag.ReferencedFrameOfReferenceUID, "1.2.840.99");
        scoord3d.setDouble(Tag.GraphicData, 10.5, 20, -3);
        assertThat(only(scoord3d).valueType()).contains(ValueType.SCOORD3D);
        assertThat(only(scoord3d).frameOfReferenceUid()).contains("1.2.840.99");
        assertThat(only(scoord3d).graphicData()).containsExactly(10.5, 20, -3);
    }

    @Test
    void readsTemporalCoordinatesFromOffsetsOrSamplePositions() {
        DicomObject offsets = item("TCOORD", Concepts.DCM.Document);
        offsets.setString(Tag.TemporalRangeType, "SEGMENT");
        offsets.setDouble(Tag.ReferencedTimeOffsets, 0.5, 1.25);
        assertThat(only(offsets).temporalRangeType()).contains("SEGMENT");
        assertThat(only(offsets).temporalPositions()).containsExactly(0.5, 1.25);
        DicomObject samples = item("TCOORD", Concepts.DCM.Document);
        samples.setLong(Tag.ReferencedSamplePositions, 100, 200);
        assertThat(only(samples).temporalPositions()).containsExactly(100, 200);
    }

    @Test
    void readsPersonNameDateTimeAndUid() {
        DicomObject pname = item("PNAME", Concepts.DCM.PersonName);
        pname.setString(Tag.PersonName, "Curie^Marie");
        assertThat(only(pname).personName().orElseThrow().alphabetic().family()).isEqualTo("Curie");
        DicomObject date = item("DATE", Concepts.DCM.Document);
        date.setString(Tag.Date, "20240229");
        assertThat(only(date).date()).contains(LocalDate.of(2024, 2, 29));
        DicomObject time = item("TIME", Concepts.DCM.Document);
        time.setString(Tag.Time, "134501");
        assertThat(only(time).time()).contains(LocalTime.of(13, 45, 1));
        DicomObject uid = item("UIDREF", Concepts.DCM.IrradiationEventUID);
        uid.setString(Tag.UID, "1.2.3.4.5.6");
        assertThat(only(uid).uid()).contains("1.2.3.4.5.6");
    }

    @Test
    void givesNothingForAnUnreadableDateInsteadOfThrowing() {
        DicomObject date = item("DATE", Concepts.DCM.Document);
        date.put(Tag.Date, org.kerma.dicom.VR.DA, "2024-02-30".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(only(date).date()).isEmpty();
    }
}
