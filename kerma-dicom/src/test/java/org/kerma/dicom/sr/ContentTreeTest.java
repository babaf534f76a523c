package org.kerma.dicom.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;

class ContentTreeTest {

    static DicomObject item(DicomObject parent, String relationship, String valueType, Code name) {
        DicomObject item = parent.findSequence(Tag.ContentSequence).orElseGet(() -> parent.newSequence(Tag.ContentSequence))
                .addItem();
        item.setString(Tag.RelationshipType, relationship);
        item.setString(Tag.ValueType, valueType);
        name.writeTo(item.newSequence(Tag.ConceptNameCodeSequence).addItem());
        return item;
    }

    static DicomObject document() {
        DicomObject doc = new DicomObject();
        doc.setString(Tag.ValueType, "CONTAINER");
        Concepts.DCM.XRayRadiationDoseReport.writeTo(doc.newSequence(Tag.ConceptNameCodeSequence).addItem());
        DicomObject acq = item(doc, "HAS CONCEPT MOD", "CODE", Concepts.DCM.CTAcquisitionType);
        new Code("P5-08001", "SRT", "Spiral Acquisition").writeTo(acq.newSequence(Tag.ConceptCodeSequence).addItem());
        DicomObject container = item(doc, "CONTAINS", "CONTAINER", Concepts.DCM.CTAccumulatedDoseData);
        DicomObject dlp = item(container, "CONTAINS", "NUM", Concepts.DCM.CTDoseLengthProductTotal);
        DicomObject mv = dlp.newSequence(Tag.MeasuredValueSequence).addItem();
        mv.setString(Tag.NumericValue, "415.82");
        new Code("mGy.cm", "UCUM", "mGy.cm").writeTo(mv.newSequence(Tag.MeasurementUnitsCodeSequence).addItem());
        DicomObject text = item(container, "CONTAINS", "TEXT", Concepts.DCM.Comment);
        text.setString(Tag.TextValue, "hello");
        DicomObject dt = item(doc, "CONTAINS", "DATETIME", Concepts.DCM.StartOfXRayIrradiation);
        dt.setString(Tag.DateTime, "20060823114014");
        return doc;
    }

    @Test
    void givesEachItemItsDottedPathInDocumentOrder() {
        List<String> seen = new ArrayList<>();
        ContentTree.of(document()).walk(i -> seen.add(i.path() + " " + i.valueTypeCode()));
        assertThat(seen).containsExactly("1 CONTAINER", "1.1 CODE", "1.2 CONTAINER", "1.2.1 NUM", "1.2.2 TEXT",
                "1.3 DATETIME");
    }

    @Test
    void readsNumWithUnitsAndTextAndDatetimeValues() {
        ContentTree tree = ContentTree.of(document());
        ContentItem dlp = tree.find(ContentPath.parse("1.2.1")).orElseThrow();
        assertThat(dlp.valueType()).contains(ValueType.NUM);
        assertThat(dlp.relationshipType()).contains(RelationshipType.CONTAINS);
        assertThat(dlp.hasConceptName(Concepts.DCM.CTDoseLengthProductTotal)).isTrue();
        NumericValue v = dlp.numeric().orElseThrow();
        assertThat(v.value().getAsDouble()).isEqualTo(415.82);
        assertThat(v.text()).isEqualTo("415.82");
        assertThat(v.units().orElseThrow().value()).isEqualTo("mGy.cm");
        assertThat(tree.find(ContentPath.parse("1.2.2")).orElseThrow().text()).contains("hello");
        assertThat(tree.root().child(Concepts.DCM.StartOfXRayIrradiation).orElseThrow().dateTime().orElseThrow()
                .value()).isEqualTo(LocalDateTime.of(2006, 8, 23, 11, 40, 14));
    }

    @Test
    void matchesLegacySrtCodeAgainstItsSnomedCtSuccessor() {
        ContentItem acq = ContentTree.of(document()).root().child(Concepts.DCM.CTAcquisitionType).orElseThrow();
        assertThat(acq.code().orElseThrow().scheme()).isEqualTo("SRT");
        assertThat(acq.hasCode(Concepts.SCT.SpiralAcquisition)).isTrue();
        assertThat(acq.hasCode(Concepts.DCM.ConstantAngleAcquisition)).isFalse();
    }

    @Test
    void neverMatchesConceptNamesByMeaning() {
        ContentItem dlp = ContentTree.of(document()).find(ContentPath.parse("1.2.1")).orElseThrow();
        assertThat(dlp.hasConceptName(new Code("999999", "DCM", "CT Dose Length Product Total"))).isFalse();
        assertThat(dlp.hasConceptName(new Code("113813", "DCM", "anything"))).isTrue();
    }

    @Test
    void resolvesByReferenceItemToItsTarget() {
        DicomObject doc = document();
        DicomObject ref = doc.items(Tag.ContentSequence).get(1).findSequence(Tag.ContentSequence).orElseThrow().addItem();
        ref.setString(Tag.RelationshipType, "INFERRED FROM");
        ref.setLong(Tag.ReferencedContentItemIdentifier, 1, 3);
        ContentTree tree = ContentTree.of(doc);
        ContentItem byRef = tree.find(ContentPath.parse("1.2.3")).orElseThrow();
        assertThat(byRef.referencedPath()).contains(ContentPath.parse("1.3"));
        assertThat(tree.resolve(byRef)).isInstanceOfSatisfying(ContentTree.Reference.Resolved.class,
                r -> assertThat(r.target().valueType()).contains(ValueType.DATETIME));
    }

    @Test
    void reportsReferenceToAnAncestorAsCycle() {
        DicomObject doc = document();
        DicomObject ref = doc.items(Tag.ContentSequence).get(1).findSequence(Tag.ContentSequence).orElseThrow().addItem();
        ref.setLong(Tag.ReferencedContentItemIdentifier, 1, 2);
        ContentTree tree = ContentTree.of(doc);
        assertThat(tree.resolve(tree.find(ContentPath.parse("1.2.3")).orElseThrow()))
                .isEqualTo(new ContentTree.Reference.Cycle(ContentPath.parse("1.2.3"), ContentPath.parse("1.2")));
    }

    @Test
    void reportsLoopOfReferencesAsCycle() {
        DicomObject doc = document();
        DicomObject container = doc.items(Tag.ContentSequence).get(1);
        DicomObject a = container.findSequence(Tag.ContentSequence).orElseThrow().addItem();
        a.setLong(Tag.ReferencedContentItemIdentifier, 1, 2, 4);
        DicomObject b = container.findSequence(Tag.ContentSequence).orElseThrow().addItem();
        b.setLong(Tag.ReferencedContentItemIdentifier, 1, 2, 3);
        ContentTree tree = ContentTree.of(doc);
        assertThat(tree.resolve(tree.find(ContentPath.parse("1.2.3")).orElseThrow()))
                .isInstanceOf(ContentTree.Reference.Cycle.class);
    }

    @Test
    void reportsReferenceToMissingItemAsDangling() {
        DicomObject doc = document();
        DicomObject ref = doc.items(Tag.ContentSequence).get(0).newSequence(Tag.ContentSequence).addItem();
        ref.setLong(Tag.ReferencedContentItemIdentifier, 1, 9, 9);
        ContentTree tree = ContentTree.of(doc);
        assertThat(tree.resolve(tree.find(ContentPath.parse("1.1.1")).orElseThrow()))
                .isEqualTo(new ContentTree.Reference.Dangling(ContentPath.parse("1.1.1"), "no content item at 1.9.9"));
    }

    @Test
    void keepsUnreadableNumericTextAndGivesNoValue() {
        DicomObject doc = document();
        DicomObject num = item(doc, "CONTAINS", "NUM", Concepts.DCM.MeanCtdivol);
        num.newSequence(Tag.MeasuredValueSequence).addItem().put(Tag.NumericValue, VR.DS,
                "10.50/ 15.00".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        NumericValue v = ContentTree.of(doc).find(ContentPath.parse("1.4")).orElseThrow().numeric().orElseThrow();
        assertThat(v.text()).isEqualTo("10.50/ 15.00");
        assertThat(v.value()).isEmpty();
        assertThat(v.units()).isEmpty();
    }

    @Test
    void readsEveryValueTypeCodeOfTheStandardAndRejectsOthers() {
        assertThat(ValueType.of("SCOORD3D")).contains(ValueType.SCOORD3D);
        assertThat(ValueType.of("TCOORD")).contains(ValueType.TCOORD);
        assertThat(ValueType.of("NUMERIC")).isEmpty();
        assertThat(RelationshipType.of("HAS OBS CONTEXT")).contains(RelationshipType.HAS_OBS_CONTEXT);
    }

    @Test
    void parsesAndPrintsContentPaths() {
        assertThat(ContentPath.parse("1.4.2").toString()).isEqualTo("1.4.2");
        assertThat(ContentPath.root().child(4).child(2)).isEqualTo(ContentPath.parse("1.4.2"));
        assertThat(ContentPath.parse("1.4.2").startsWith(ContentPath.parse("1.4"))).isTrue();
        assertThatThrownBy(() -> ContentPath.parse("1.0")).hasMessageContaining("position 0");
        assertThatThrownBy(() -> ContentPath.parse("1.x")).hasMessageContaining("'1.x'");
    }
}
