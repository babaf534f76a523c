package org.kerma.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;

/** Bad protocol content becomes findings with item paths; reading never throws. */
class BadInputTest {

    private static DicomObject carotid() {
        return ProtocolFixtures.carotidStentingDefined();
    }

    private static Sequence params(DicomObject ds, int element) {
        return ds.items(Tag.AcquisitionProtocolElementSpecificationSequence).get(element - 1)
                .findSequence(Tag.ParametersSpecificationSequence).orElseThrow();
    }

    @Test
    void reportsASelectorSequencePointerThatIsNotASequence() {
        DicomObject ds = carotid();
        ConstraintSpec.on(Tag.KVP).in(Tag.KVP, 1).type("EQUAL").value("80").addTo(params(ds, 1));
        Reading<DefinedProtocol> r = DefinedProtocol.read(ds);
        assertThat(r.findings()).extracting(ProtocolFinding::toString).containsExactly(
                "AcquisitionProtocolElementSpecificationSequence[1].ParametersSpecificationSequence[3]"
                        + ".SelectorSequencePointer: Selector Sequence Pointer value 1 (0018,0060) KVP points"
                        + " nowhere: it is not a sequence (VR DS)");
    }

    @Test
    void reportsASelectorAttributeTheDictionaryDoesNotKnow() {
        DicomObject ds = carotid();
        DicomObject item = ConstraintSpec.on(Tag.KVP).type("EQUAL").value("80").addTo(params(ds, 1));
        item.setLong(Tag.SelectorAttribute, 0x00180061L);
        Reading<DefinedProtocol> r = DefinedProtocol.read(ds);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.path()).endsWith("ParametersSpecificationSequence[3].SelectorAttribute");
            assertThat(f.message()).contains("(0018,0061) points nowhere");
        });
    }

    @Test
    void reportsAConstraintValueOfTheWrongVr() {
        DicomObject ds = carotid();
        ConstraintSpec.on(Tag.KVP).type("EQUAL").value("80").valuesAs(VR.FD).addTo(params(ds, 2));
        Reading<DefinedProtocol> r = DefinedProtocol.read(ds);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("AcquisitionProtocolElementSpecificationSequence[2]"
                    + ".ParametersSpecificationSequence[3].ConstraintValueSequence[1].SelectorFDValue");
            assertThat(f.message()).isEqualTo("constraint value of the wrong VR: Selector FD Value given, the"
                    + " Selector Attribute VR is DS");
        });
        assertThat(r.value().element(ElementKind.ACQUISITION, 2).orElseThrow().constraints().get(2).values())
                .containsExactly(AttributeValue.of(VR.FD, "80"));
    }

    @Test
    void reportsConstraintTypesOutsideTheStandardAndWrongValueCounts() {
        DicomObject ds = carotid();
        ConstraintSpec.on(Tag.KVP).type("NOT_EQUAL").value("80").addTo(params(ds, 1));
        ConstraintSpec.on(Tag.KVP).type("RANGE_INCL").value("80").addTo(params(ds, 1));
        ConstraintSpec.on(Tag.KVP).type("RANGE_EXCL").value("90").value("80").addTo(params(ds, 1));
        Reading<DefinedProtocol> r = DefinedProtocol.read(ds);
        assertThat(r.findings()).extracting(ProtocolFinding::message).containsExactly(
                "Constraint Type 'NOT_EQUAL' is not one of the standard's (PS3.3 section 10.25.1)",
                "RANGE_INCL needs 2 item(s) in the Constraint Value Sequence, found 1",
                "range lower bound 90 is above the upper bound 80");
    }

    @Test
    void reportsUnknownSourceElementsDuplicateNumbersAndCycles() {
        DicomObject ds = carotid();
        Sequence rec = ds.findSequence(Tag.ReconstructionProtocolElementSpecificationSequence).orElseThrow();
        rec.item(0).setLong(Tag.SourceAcquisitionProtocolElementNumber, 7);
        DicomObject r2 = rec.addItem();
        r2.setLong(Tag.ProtocolElementNumber, 2);
        r2.setLong(Tag.SourceReconstructionProtocolElementNumber, 3);
        DicomObject r3 = rec.addItem();
        r3.setLong(Tag.ProtocolElementNumber, 3);
        r3.setLong(Tag.SourceReconstructionProtocolElementNumber, 2);
        DicomObject dup = rec.addItem();
        dup.setLong(Tag.ProtocolElementNumber, 3);
        Reading<DefinedProtocol> r = DefinedProtocol.read(ds);
        assertThat(r.findings()).extracting(ProtocolFinding::toString).containsExactly(
                "ReconstructionProtocolElementSpecificationSequence[4].ProtocolElementNumber: element number 3 is"
                        + " used by more than one reconstruction element",
                "ReconstructionProtocolElementSpecificationSequence[1]: reconstruction 1 3D SUB RECONSTRUCTION"
                        + " takes its input from acquisition element 7, which this protocol does not have",
                "ReconstructionProtocolElementSpecificationSequence: reconstruction elements 2 -> 3 -> 2 take"
                        + " their input from each other in a cycle");
    }

    @Test
    void reportsAWrongSopClassAndAnEmptyDataSetWithoutThrowing() {
        Reading<DefinedProtocol> r = DefinedProtocol.read(ProtocolFixtures.carotidPerformedWithTwoViolations());
        assertThat(r.findings()).extracting(ProtocolFinding::message).first().asString()
                .startsWith("SOP Class UID '" + Uid.XAPerformedProcedureProtocolStorage + "' is not a Defined");
        Reading<PerformedProtocol> empty = PerformedProtocol.read(new DicomObject());
        assertThat(empty.findings()).extracting(ProtocolFinding::message).contains("SOP Instance UID is missing",
                "Protocol Name is missing");
        assertThat(empty.value().elements()).isEmpty();
    }

    @Test
    void reportsPrivateSelectorsWithoutCreatorAndMismatchedItemCounts() {
        DicomObject ds = carotid();
        DicomObject item = ConstraintSpec.on(Tag.KVP).type("EQUAL").value("80").addTo(params(ds, 1));
        item.setLong(Tag.SelectorSequencePointer, 0x00191010L, Tag.CTXRayDetailsSequence & 0xFFFFFFFFL);
        item.setString(Tag.SelectorSequencePointerItems, "1");
        Reading<DefinedProtocol> r = DefinedProtocol.read(ds);
        assertThat(r.findings()).extracting(ProtocolFinding::message).containsExactly(
                "has 1 value(s) for 2 Selector Sequence Pointer value(s); missing item numbers are taken as 0"
                        + " (every item)",
                "Selector Sequence Pointer (0019,1010) is private but has no Private Creator");
    }

    @Test
    void reportsUnreadableValuesAtTheirPath() {
        DicomObject ds = carotid();
        params(ds, 1).item(0).putString(Tag.SelectorSequencePointerItems, VR.IS, "one");
        Reading<DefinedProtocol> r = DefinedProtocol.read(ds);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("AcquisitionProtocolElementSpecificationSequence[1]"
                    + ".ParametersSpecificationSequence[1].SelectorSequencePointerItems");
            assertThat(f.message()).isEqualTo("'one' is not an item number");
        });

        DicomObject performed = ProtocolFixtures.carotidPerformedWithTwoViolations();
        performed.items(Tag.AcquisitionProtocolElementSequence).get(2).items(Tag.XAPlaneDetailsSequence).get(0)
                .items(Tag.XRayFilterDetailsSequence).get(0).putString(Tag.FilterThicknessMinimum, VR.DS, "thin");
        Reading<PerformedProtocol> p = PerformedProtocol.read(performed);
        assertThat(p.findings()).extracting(ProtocolFinding::path).containsExactly(
                "AcquisitionProtocolElementSequence[3].XAPlaneDetailsSequence[1].XRayFilterDetailsSequence[1]"
                        + ".FilterThicknessMinimum");
        ConstraintResult filter = ConstraintCheck.check(DefinedProtocol.read(carotid()).value(), p.value())
                .results().stream().filter(c -> c.scope().startsWith("acquisition 3")
                        && c.constraint().attributeName().equals("Filter Thickness Minimum")).findFirst().orElseThrow();
        assertThat(filter.outcome()).isEqualTo(ConstraintResult.Outcome.NOT_EVALUABLE);
        assertThat(filter.detail()).isEqualTo("'thin' is not a valid DS value");
    }

    @Test
    void reportsReferencesWithBothSourceKindsOrWithoutUidAndApprovalsWithoutAssertions() {
        DicomObject image = ProtocolFixtures.carotidImages().get(0);
        image.items(Tag.ReferencedDefinedProtocolSequence).get(0)
                .setLong(Tag.SourceReconstructionProtocolElementNumber, 1);
        image.findSequence(Tag.ReferencedPerformedProtocolSequence)
                .orElseGet(() -> image.newSequence(Tag.ReferencedPerformedProtocolSequence)).addItem()
                .setString(Tag.ReferencedSOPClassUID, Uid.XAPerformedProcedureProtocolStorage);
        Reading<java.util.List<ProtocolReference>> refs = ProtocolReference.readAll(image);
        assertThat(refs.value()).hasSize(1);
        assertThat(refs.findings()).extracting(ProtocolFinding::toString).containsExactly(
                "ReferencedDefinedProtocolSequence[1]: both Source Acquisition and Source Reconstruction Protocol"
                        + " Element Numbers are present; PS3.3 section 10.41 allows one of them",
                "ReferencedPerformedProtocolSequence[1]: protocol reference without a Referenced SOP Instance UID;"
                        + " left out");

        DicomObject approval = ProtocolFixtures.carotidApproval();
        approval.items(Tag.ApprovalSequence).get(0).remove(Tag.AssertionCodeSequence);
        assertThat(ProtocolApproval.read(approval).findings()).extracting(ProtocolFinding::toString)
                .containsExactly("ApprovalSequence[1].AssertionCodeSequence: no assertion code");
    }
}
