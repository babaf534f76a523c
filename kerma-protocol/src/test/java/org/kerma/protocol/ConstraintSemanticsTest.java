package org.kerma.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;
import org.kerma.protocol.ConstraintResult.Outcome;

/** The comparison rules of {@link ConstraintCheck#evaluate}, one constraint type or selector feature at a time. */
class ConstraintSemanticsTest {

    private static AttributeValueConstraint constraint(ConstraintSpec spec) {
        Sequence holder = new DicomObject().newSequence(Tag.ParametersSpecificationSequence);
        List<ProtocolFinding> findings = new ArrayList<>();
        AttributeValueConstraint c = AttributeValueConstraint.read(spec.addTo(holder), ItemPath.ROOT, findings);
        assertThat(findings).isEmpty();
        return c;
    }

    private static Outcome outcome(ConstraintSpec spec, DicomObject target) {
        return ConstraintCheck.evaluate(constraint(spec), target).outcome();
    }

    private static DicomObject scanArc(double degrees) {
        DicomObject ds = new DicomObject();
        ds.setDouble(Tag.PrimaryPositionerScanArc, degrees);
        return ds;
    }

    @Test
    void rangeInclusiveKeepsItsBoundsAndRangeExclusiveDoesNot() {
        ConstraintSpec incl = ConstraintSpec.on(Tag.PrimaryPositionerScanArc).type("RANGE_INCL").value("180")
                .value("200");
        ConstraintSpec excl = ConstraintSpec.on(Tag.PrimaryPositionerScanArc).type("RANGE_EXCL").value("180")
                .value("200");
        assertThat(outcome(incl, scanArc(200))).isEqualTo(Outcome.PASS);
        assertThat(outcome(incl, scanArc(180))).isEqualTo(Outcome.PASS);
        assertThat(outcome(incl, scanArc(200.5))).isEqualTo(Outcome.FAIL);
        assertThat(outcome(excl, scanArc(200))).isEqualTo(Outcome.FAIL);
        assertThat(outcome(excl, scanArc(199.9))).isEqualTo(Outcome.PASS);
    }

    @Test
    void comparisonsDistinguishStrictFromNonStrictBounds() {
        DicomObject at = scanArc(190);
        assertThat(outcome(ConstraintSpec.on(Tag.PrimaryPositionerScanArc).type("GREATER_THAN").value("190"), at))
                .isEqualTo(Outcome.FAIL);
        assertThat(outcome(ConstraintSpec.on(Tag.PrimaryPositionerScanArc).type("GREATER_OR_EQUAL").value("190"),
                at)).isEqualTo(Outcome.PASS);
        assertThat(outcome(ConstraintSpec.on(Tag.PrimaryPositionerScanArc).type("LESS_THAN").value("190"), at))
                .isEqualTo(Outcome.FAIL);
        assertThat(outcome(ConstraintSpec.on(Tag.PrimaryPositionerScanArc).type("LESS_OR_EQUAL").value("190"), at))
                .isEqualTo(Outcome.PASS);
    }

    @Test
    void singlePrecisionValuesEqualTheirDecimalConstraint() {
        DicomObject ds = new DicomObject();
        ds.setDouble(Tag.PrimaryPositionerIncrement, 0.1);
        assertThat(outcome(ConstraintSpec.on(Tag.PrimaryPositionerIncrement).type("EQUAL").value("0.1"), ds))
                .isEqualTo(Outcome.PASS);
        assertThat(ConstraintCheck.evaluate(constraint(ConstraintSpec.on(Tag.PrimaryPositionerIncrement)
                .type("EQUAL").value("0.1")), ds).actual()).containsExactly(AttributeValue.of(VR.FL, "0.1"));
    }

    @Test
    void selectorValueNumberPicksOneValueOrAll() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.ImageType, "ORIGINAL", "PRIMARY", "SINGLE PLANE");
        assertThat(outcome(ConstraintSpec.on(Tag.ImageType).valueNumber(3).type("EQUAL").value("SINGLE PLANE"), ds))
                .isEqualTo(Outcome.PASS);
        assertThat(outcome(ConstraintSpec.on(Tag.ImageType).valueNumber(0).type("EQUAL")
                .value("ORIGINAL", "PRIMARY"), ds)).isEqualTo(Outcome.FAIL);
        assertThat(outcome(ConstraintSpec.on(Tag.ImageType).valueNumber(0).type("EQUAL")
                .value("ORIGINAL", "PRIMARY", "SINGLE PLANE"), ds)).isEqualTo(Outcome.PASS);
        ConstraintCheck.Evaluation fifth = ConstraintCheck.evaluate(constraint(ConstraintSpec.on(Tag.ImageType)
                .valueNumber(5).type("EQUAL").value("X")), ds);
        assertThat(fifth.outcome()).isEqualTo(Outcome.NOT_EVALUABLE);
        assertThat(fifth.detail()).isEqualTo("ImageType value 5 has 3 value(s), value 5 is selected");
    }

    @Test
    void memberOfTestsEachValueOfAMultiValuedAttribute() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.ImageType, "ORIGINAL", "PRIMARY");
        assertThat(outcome(ConstraintSpec.on(Tag.ImageType).valueNumber(0).type("MEMBER_OF").value("ORIGINAL")
                .value("PRIMARY").value("DERIVED"), ds)).isEqualTo(Outcome.PASS);
        assertThat(outcome(ConstraintSpec.on(Tag.ImageType).valueNumber(0).type("MEMBER_OF").value("ORIGINAL")
                .value("SECONDARY"), ds)).isEqualTo(Outcome.FAIL);
        assertThat(outcome(ConstraintSpec.on(Tag.ImageType).valueNumber(0).type("NOT_MEMBER_OF").value("DERIVED")
                .value("SECONDARY"), ds)).isEqualTo(Outcome.PASS);
        assertThat(outcome(ConstraintSpec.on(Tag.ImageType).valueNumber(0).type("NOT_MEMBER_OF").value("PRIMARY"),
                ds)).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aNestedPointerWithItemZeroRequiresEveryItemToComply() {
        DicomObject ds = new DicomObject();
        Sequence beams = ds.newSequence(Tag.CTXRayDetailsSequence);
        beams.addItem().setString(Tag.KVP, "120");
        beams.addItem().setString(Tag.KVP, "100");
        assertThat(outcome(ConstraintSpec.on(Tag.KVP).in(Tag.CTXRayDetailsSequence, 0).type("EQUAL").value("120"),
                ds)).isEqualTo(Outcome.FAIL);
        assertThat(outcome(ConstraintSpec.on(Tag.KVP).in(Tag.CTXRayDetailsSequence, 1).type("EQUAL").value("120"),
                ds)).isEqualTo(Outcome.PASS);
        ConstraintCheck.Evaluation third = ConstraintCheck.evaluate(constraint(ConstraintSpec.on(Tag.KVP)
                .in(Tag.CTXRayDetailsSequence, 3).type("EQUAL").value("120")), ds);
        assertThat(third.detail()).isEqualTo("CTXRayDetailsSequence has 2 item(s), item 3 is selected");
        ConstraintCheck.Evaluation absent = ConstraintCheck.evaluate(constraint(ConstraintSpec.on(Tag.KVP)
                .in(Tag.XAPlaneDetailsSequence, 1).type("EQUAL").value("120")), ds);
        assertThat(absent.outcome()).isEqualTo(Outcome.NOT_EVALUABLE);
        assertThat(absent.detail()).isEqualTo("XAPlaneDetailsSequence is absent");
    }

    @Test
    void codesMatchByValueAndSchemeNotByMeaning() {
        DicomObject ds = new DicomObject();
        new Code("113690", "DCM", "another meaning").writeTo(ds.newSequence(Tag.CTDIPhantomTypeCodeSequence)
                .addItem());
        assertThat(outcome(ConstraintSpec.on(Tag.CTDIPhantomTypeCodeSequence).type("EQUAL")
                .code(ProtocolFixtures.IEC_HEAD_PHANTOM), ds)).isEqualTo(Outcome.PASS);
        assertThat(outcome(ConstraintSpec.on(Tag.CTDIPhantomTypeCodeSequence).type("EQUAL")
                .code(ProtocolFixtures.IEC_BODY_PHANTOM), ds)).isEqualTo(Outcome.FAIL);
        assertThat(outcome(ConstraintSpec.on(Tag.CTDIPhantomTypeCodeSequence).type("MEMBER_OF")
                .code(ProtocolFixtures.IEC_BODY_PHANTOM).code(ProtocolFixtures.IEC_HEAD_PHANTOM), ds))
                .isEqualTo(Outcome.PASS);
        assertThat(outcome(ConstraintSpec.on(Tag.CTDIPhantomTypeCodeSequence).type("GREATER_THAN")
                .code(ProtocolFixtures.IEC_BODY_PHANTOM), ds)).isEqualTo(Outcome.NOT_EVALUABLE);
    }

    @Test
    void agesCompareAcrossUnits() {
        DicomObject months = new DicomObject();
        months.setString(Tag.PatientAge, "200M");
        DicomObject years = new DicomObject();
        years.setString(Tag.PatientAge, "045Y");
        ConstraintSpec adult = ConstraintSpec.on(Tag.PatientAge).type("GREATER_THAN").value("018Y");
        assertThat(outcome(adult, months)).isEqualTo(Outcome.FAIL);
        assertThat(outcome(adult, years)).isEqualTo(Outcome.PASS);
        assertThat(outcome(ConstraintSpec.on(Tag.PatientAge).type("EQUAL").value("052W"), weeks52())).isEqualTo(
                Outcome.PASS);
    }

    private static DicomObject weeks52() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.PatientAge, "052W");
        return ds;
    }

    @Test
    void datesCompareChronologicallyAndTextHasNoOrder() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.StudyDate, "20260302");
        ds.setString(Tag.ProtocolName, "CAROTIDS");
        assertThat(outcome(ConstraintSpec.on(Tag.StudyDate).type("RANGE_INCL").value("20260101").value("20261231"),
                ds)).isEqualTo(Outcome.PASS);
        ConstraintCheck.Evaluation text = ConstraintCheck.evaluate(constraint(ConstraintSpec.on(Tag.ProtocolName)
                .type("GREATER_THAN").value("A")), ds);
        assertThat(text.outcome()).isEqualTo(Outcome.NOT_EVALUABLE);
        assertThat(text.detail()).isEqualTo("GREATER_THAN needs ordered values; LO values have no order");
    }

    @Test
    void unconstrainedPassesAndContextGroupMembershipIsNotEvaluatedHere() {
        DicomObject ds = scanArc(190);
        assertThat(outcome(ConstraintSpec.on(Tag.PrimaryPositionerScanArc).type("UNCONSTRAINED"), ds))
                .isEqualTo(Outcome.PASS);
        ds.setString(Tag.AcquisitionType, "SPIRAL");
        assertThat(outcome(ConstraintSpec.on(Tag.AcquisitionType).type("MEMBER_OF_CID").value("4052"), ds))
                .isEqualTo(Outcome.NOT_EVALUABLE);
    }

    @Test
    void followsPrivateSequencePointersThroughTheirCreator() {
        DicomObject target = new DicomObject();
        target.setString(0x00190011, VR.LO, "ACME PROTOCOL 1.0");
        target.newSequence(0x00191120).addItem().setString(Tag.KVP, "80");
        target.put(0x00191120, VR.SQ, target.findSequence(0x00191120).orElseThrow());
        DicomObject item = new DicomObject().newSequence(Tag.ParametersSpecificationSequence).addItem();
        item.setString(Tag.SelectorAttributeVR, "DS");
        item.setString(Tag.SelectorAttributeName, "KVP");
        item.setLong(Tag.SelectorAttribute, Tag.KVP);
        item.setLong(Tag.SelectorValueNumber, 1);
        item.setLong(Tag.SelectorSequencePointer, 0x00191020L);
        item.setString(Tag.SelectorSequencePointerItems, "1");
        item.setString(Tag.SelectorSequencePointerPrivateCreator, "ACME PROTOCOL 1.0");
        item.setString(Tag.ConstraintType, "LESS_THAN");
        item.newSequence(Tag.ConstraintValueSequence).addItem().setString(Tag.SelectorDSValue, "100");
        List<ProtocolFinding> findings = new ArrayList<>();
        AttributeValueConstraint c = AttributeValueConstraint.read(item, ItemPath.ROOT, findings);
        assertThat(findings).isEmpty();
        ConstraintCheck.Evaluation e = ConstraintCheck.evaluate(c, target);
        assertThat(e.outcome()).as(e.detail()).isEqualTo(Outcome.PASS);
        assertThat(e.actual()).containsExactly(AttributeValue.of(VR.DS, "80"));
    }
}
