package org.kerma.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;

class DefinedProtocolTest {

    @Test
    void readsTheCarotidStentingProtocolWithoutFindings() {
        Reading<DefinedProtocol> r = DefinedProtocol.read(ProtocolFixtures.carotidStentingDefined());
        assertThat(r.findings()).isEmpty();
        DefinedProtocol p = r.value();
        assertThat(p.xa()).isTrue();
        assertThat(p.sopInstanceUid()).isEqualTo(ProtocolFixtures.CAROTID_UID);
        assertThat(p.context().protocolName()).isEqualTo("CAROTIDS");
        assertThat(p.context().potentialRequestedProcedures()).extracting(c -> c.meaning())
                .containsExactly("Adult Carotid Stenting");
        assertThat(p.equipment().modality()).isEqualTo("XA");
        assertThat(p.equipment().models()).singleElement().satisfies(m -> {
            assertThat(m.manufacturer()).isEqualTo("Angiotech");
            assertThat(m.modelName()).isEqualTo("Angiomatic");
            assertThat(m.softwareVersions()).containsExactly("XA01");
        });
        assertThat(p.positioning().patientPosition()).isEqualTo("HFS");
        assertThat(p.positioning().anatomicRegion()).contains(ProtocolFixtures.CAROTID_ARTERY);
        assertThat(p.acquisitionElements()).extracting(ProtocolElement::number, ProtocolElement::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "FLUOROSCOPY NOSUB"),
                        org.assertj.core.groups.Tuple.tuple(2, "DSA"),
                        org.assertj.core.groups.Tuple.tuple(3, "ROTATIONAL SUB"));
        ProtocolElement recon = p.reconstructionElements().get(0);
        assertThat(recon.name()).isEqualTo("3D SUB RECONSTRUCTION");
        assertThat(recon.sourceAcquisitionElements()).containsExactly(3);
    }

    @Test
    void readsThePatientSpecificationAsAnAgeConstraint() {
        DefinedProtocol p = DefinedProtocol.read(ProtocolFixtures.carotidStentingDefined()).value();
        AttributeValueConstraint age = p.patientSpecification().constraints().get(0);
        assertThat(age.selector().attribute()).hasValue(Tag.PatientAge);
        assertThat(age.selector().vr()).isEqualTo("AS");
        assertThat(age.type()).contains(ConstraintType.GREATER_THAN);
        assertThat(age.values()).containsExactly(AttributeValue.of(VR.AS, "018Y"));
        assertThat(age.allowed()).isEqualTo("> 018Y");
        assertThat(age.path()).isEqualTo("PatientSpecificationSequence[1]");
    }

    @Test
    void readsNestedSelectorPathsUnitsAndTheModifiableFlag() {
        DefinedProtocol p = DefinedProtocol.read(ProtocolFixtures.carotidStentingDefined()).value();
        List<AttributeValueConstraint> rot = p.element(ElementKind.ACQUISITION, 3).orElseThrow().constraints();
        assertThat(rot).hasSize(4);
        AttributeValueConstraint filter = rot.get(1);
        assertThat(filter.selector().describe())
                .isEqualTo("XAPlaneDetailsSequence[1].XRayFilterDetailsSequence[*].FilterThicknessMinimum");
        assertThat(filter.allowed()).isEqualTo("[0.1 .. 0.3] mm");
        AttributeValueConstraint arc = rot.get(2);
        assertThat(arc.selector().attribute()).hasValue(Tag.PrimaryPositionerScanArc);
        assertThat(arc.type()).contains(ConstraintType.RANGE_INCL);
        assertThat(arc.values()).extracting(AttributeValue::toString).containsExactly("180", "200");
        assertThat(arc.modifiable()).contains(false);
        assertThat(arc.units().orElseThrow().value()).isEqualTo("deg");
        assertThat(arc.path()).isEqualTo(
                "AcquisitionProtocolElementSpecificationSequence[3].ParametersSpecificationSequence[3]");
        assertThat(rot.get(3).modifiable()).isEmpty();
    }

    @Test
    void readsCodedAndTextConstraintsOfTheCtHeadProtocol() {
        Reading<DefinedProtocol> r = DefinedProtocol.read(ProtocolFixtures.ctRoutineAdultHeadDefined());
        assertThat(r.findings()).isEmpty();
        DefinedProtocol p = r.value();
        assertThat(p.xa()).isFalse();
        List<AttributeValueConstraint> c = p.acquisitionElements().get(0).constraints();
        AttributeValueConstraint phantom = c.get(3);
        assertThat(phantom.values()).containsExactly(AttributeValue.ofCodes(ProtocolFixtures.IEC_HEAD_PHANTOM));
        assertThat(phantom.allowed()).isEqualTo("= (113690, DCM, \"IEC Head Dosimetry Phantom\")");
        assertThat(c.get(4).allowed()).isEqualTo("one of SPIRAL | SEQUENCED");
    }

    @Test
    void readsTheTwoDeviceExample() {
        Reading<DefinedProtocol> acq = DefinedProtocol.read(ProtocolFixtures.twoDeviceAcquisition());
        assertThat(acq.findings()).isEmpty();
        ProtocolElement send = acq.value().storageElements().get(0);
        assertThat(send.name()).isEqualTo("SEND TO 3D WS");
        assertThat(send.sourceAcquisitionElements()).containsExactly(3);
        AttributeValueConstraint dest = send.constraints().get(0);
        assertThat(dest.selector().describe())
                .isEqualTo("OutputInformationSequence[*].DICOMStorageSequence[*].DestinationAE");
        assertThat(dest.values()).containsExactly(AttributeValue.of(VR.AE, "AET_3D_WS"));

        Reading<DefinedProtocol> rec = DefinedProtocol.read(ProtocolFixtures.twoDeviceReconstruction());
        assertThat(rec.findings()).isEmpty();
        ProtocolElement r = rec.value().reconstructionElements().get(0);
        assertThat(r.sourceInstance()).hasValueSatisfying(i ->
                assertThat(i.sopInstanceUid()).isEqualTo(ProtocolFixtures.UID_01));
        assertThat(r.sourceAcquisitionElements()).containsExactly(3);
    }

    @Test
    void readsThePerformedProtocolWithItsPlanesAndFilters() {
        Reading<PerformedProtocol> r = PerformedProtocol.read(ProtocolFixtures.carotidPerformedWithTwoViolations());
        assertThat(r.findings()).isEmpty();
        PerformedProtocol p = r.value();
        assertThat(p.modality()).isEqualTo("XAPROTOCOL");
        assertThat(p.definedProtocols()).extracting(InstanceReference::sopInstanceUid)
                .containsExactly(ProtocolFixtures.CAROTID_UID);
        XaPlane plane = p.element(ElementKind.ACQUISITION, 3).orElseThrow().planes().get(0);
        assertThat(plane.planeIdentification()).isEqualTo("PLANE A");
        assertThat(plane.fieldOfViewDimensions()).containsExactly(300.0, 300.0);
        assertThat(plane.scanArc()).hasValue(210.0);
        assertThat(plane.rotationStep()).hasValue(0.5);
        assertThat(plane.filters().get(0).materials()).containsExactly("COPPER");
        assertThat(plane.filters().get(0).thicknessMinimum()).containsExactly(0.5);
    }

    @Test
    void readsTheProtocolApprovalToItsApprovalItems() {
        Reading<ProtocolApproval> r = ProtocolApproval.read(ProtocolFixtures.carotidApproval());
        assertThat(r.findings()).isEmpty();
        ProtocolApproval a = r.value();
        assertThat(a.subjects()).extracting(InstanceReference::sopInstanceUid)
                .containsExactly(ProtocolFixtures.CAROTID_UID);
        ProtocolApproval.Approval approval = a.approvals().get(0);
        assertThat(approval.assertion().orElseThrow().value()).isEqualTo("128603");
        assertThat(approval.asserterType()).isEqualTo("PSN");
        assertThat(approval.asserter()).isEqualTo("Curie^Marie");
        assertThat(approval.dateTime()).isEqualTo("20260301120000");
        assertThat(approval.institution().orElseThrow().meaning()).isEqualTo("Kerma General Hospital");
    }

    @Test
    void readsCtProtocolReferencesAtSeriesLevelAndXaReferencesPerImage() {
        List<ProtocolReference> ct = ProtocolReference.readAll(ProtocolFixtures.ctHeadImages().get(0)).value();
        assertThat(ct).extracting(ProtocolReference::kind, ProtocolReference::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ProtocolReference.Kind.DEFINED, ProtocolReference.Level.SERIES),
                org.assertj.core.groups.Tuple.tuple(ProtocolReference.Kind.PERFORMED,
                        ProtocolReference.Level.SERIES));
        assertThat(ct.get(0).sourceReconstructionElements()).containsExactly(1);
        List<ProtocolReference> xa = ProtocolReference.readAll(ProtocolFixtures.carotidImages().get(2)).value();
        assertThat(xa).singleElement().satisfies(ref -> {
            assertThat(ref.level()).isEqualTo(ProtocolReference.Level.IMAGE);
            assertThat(ref.protocol().sopInstanceUid()).isEqualTo(ProtocolFixtures.CAROTID_UID);
            assertThat(ref.sourceAcquisitionElements()).containsExactly(3);
        });
    }
}
