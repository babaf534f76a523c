package org.kerma.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.protocol.ConstraintResult.Outcome;

class ConstraintCheckTest {

    private static DefinedProtocol carotid() {
        return DefinedProtocol.read(ProtocolFixtures.carotidStentingDefined()).value();
    }

    @Test
    void findsTheTwoViolationsOfThePerformedCarotidProtocol() {
        PerformedProtocol performed = PerformedProtocol.read(ProtocolFixtures.carotidPerformedWithTwoViolations())
                .value();
        Compliance c = ConstraintCheck.check(carotid(), performed);
        assertThat(c.findings()).isEmpty();
        assertThat(c.results()).hasSize(10);
        assertThat(c.count(Outcome.PASS)).isEqualTo(8);
        assertThat(c.compliant()).isFalse();
        assertThat(c.failures()).extracting(ConstraintResult::scope, r -> r.constraint().attributeName(),
                ConstraintResult::actualText, r -> r.constraint().allowed()).containsExactly(
                tuple("acquisition 3 ROTATIONAL SUB", "Filter Thickness Minimum", "0.5", "[0.1 .. 0.3] mm"),
                tuple("acquisition 3 ROTATIONAL SUB", "Primary Positioner Scan Arc", "210", "[180 .. 200] deg"));
        assertThat(c.failures().get(1).detail()).isEqualTo("actual 210, allowed [180 .. 200] deg");
        ConstraintResult age = c.results().get(0);
        assertThat(age.scope()).isEqualTo("patient");
        assertThat(age.outcome()).isEqualTo(Outcome.PASS);
        assertThat(age.actualText()).isEqualTo("067Y");
    }

    @Test
    void passesEveryConstraintOfTheCompliantCtHeadProtocol() {
        DefinedProtocol defined = DefinedProtocol.read(ProtocolFixtures.ctRoutineAdultHeadDefined()).value();
        PerformedProtocol performed = PerformedProtocol.read(ProtocolFixtures.ctHeadPerformedCompliant()).value();
        Compliance c = ConstraintCheck.check(defined, performed);
        assertThat(c.results()).hasSize(8).allSatisfy(r -> assertThat(r.outcome()).as(r.detail())
                .isEqualTo(Outcome.PASS));
        assertThat(c.results()).extracting(ConstraintResult::actualText).containsExactly("018Y", "120", "0.55",
                "52.3", "(113690, DCM, \"IEC Head Dosimetry Phantom\")", "SPIRAL", "230", "H40s");
        assertThat(c.compliant()).isTrue();
    }

    @Test
    void reportsUnperformedElementsAndPerformedElementsWithoutDefinition() {
        org.kerma.dicom.DicomObject ds = ProtocolFixtures.ctHeadPerformedCompliant();
        ds.remove(org.kerma.dicom.Tag.ReconstructionProtocolElementSequence);
        ds.findSequence(org.kerma.dicom.Tag.AcquisitionProtocolElementSequence).orElseThrow().item(0)
                .setLong(org.kerma.dicom.Tag.ProtocolElementNumber, 4);
        DefinedProtocol defined = DefinedProtocol.read(ProtocolFixtures.ctRoutineAdultHeadDefined()).value();
        Compliance c = ConstraintCheck.check(defined, PerformedProtocol.read(ds).value());
        assertThat(c.count(Outcome.NOT_EVALUABLE)).isEqualTo(7);
        assertThat(c.results().get(1).detail()).isEqualTo("acquisition 1 HEAD HELICAL was not performed");
        assertThat(c.findings()).extracting(ProtocolFinding::toString).containsExactly(
                "AcquisitionProtocolElementSequence[1]: performed acquisition 4 HEAD HELICAL has no defined"
                        + " counterpart in " + ProtocolFixtures.CT_HEAD_UID);
    }

    @Test
    void reportsAPerformedProtocolThatDoesNotReferenceTheDefinedOne() {
        PerformedProtocol performed = PerformedProtocol.read(ProtocolFixtures.ctHeadPerformedCompliant()).value();
        Compliance c = ConstraintCheck.check(carotid(), performed);
        assertThat(c.findings()).extracting(ProtocolFinding::message).first().asString()
                .startsWith("performed protocol " + ProtocolFixtures.CT_HEAD_PERFORMED_UID
                        + " does not reference defined protocol " + ProtocolFixtures.CAROTID_UID);
    }

    @Test
    void checksImagesThatReferenceDefinedElementsWhenNoPerformedProtocolExists() {
        Compliance c = ConstraintCheck.checkImages(carotid(), ProtocolFixtures.carotidImages());
        assertThat(c.findings()).isEmpty();
        // image 1: patient + 2 constraints; image 2: patient + 2; image 3: patient + 4
        assertThat(c.results()).hasSize(11);
        assertThat(c.failures()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(ProtocolFixtures.carotidImages().get(2)
                    .getString(org.kerma.dicom.Tag.SOPInstanceUID, ""));
            assertThat(f.constraint().attributeName()).isEqualTo("Field of View Dimension(s) in Float");
            assertThat(f.actualText()).isEqualTo("220");
            assertThat(f.detail()).isEqualTo("actual 220, allowed = 300 mm (image top level: the image has no"
                    + " XAPlaneDetailsSequence)");
        });
        assertThat(c.count(Outcome.PASS)).isEqualTo(10);
    }

    @Test
    void checksOnlyTheImagesOfTheProtocolInASeriesMixingProtocols() {
        List<org.kerma.dicom.DicomObject> series = ProtocolFixtures.mixedSeries();
        Compliance c = ConstraintCheck.checkImages(carotid(), series);
        assertThat(c.results()).extracting(ConstraintResult::subject).containsOnly(
                uidOf(series.get(0)), uidOf(series.get(2)), uidOf(series.get(3)));
        assertThat(c.failures()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(uidOf(series.get(2)));
            assertThat(f.actualText()).isEqualTo("0.4");
            assertThat(f.constraint().allowed()).isEqualTo("[0.0 .. 0.3] mm");
        });
        assertThat(c.findings()).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                "references acquisition element 9 of " + ProtocolFixtures.CAROTID_UID + ", which it does not have"));

        DefinedProtocol uid01 = DefinedProtocol.read(ProtocolFixtures.twoDeviceAcquisition()).value();
        assertThat(ConstraintCheck.checkImages(uid01, series).results()).extracting(ConstraintResult::subject)
                .containsOnly(uidOf(series.get(1)));
    }

    @Test
    void checksCtImagesThroughTheirSeriesLevelReferences() {
        DefinedProtocol defined = DefinedProtocol.read(ProtocolFixtures.ctRoutineAdultHeadDefined()).value();
        Compliance c = ConstraintCheck.checkImages(defined, ProtocolFixtures.ctHeadImages());
        assertThat(c.results()).hasSize(6).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.PASS));
        assertThat(c.results()).extracting(ConstraintResult::scope).containsExactly("patient", "reconstruction 1"
                + " HEAD 5 MM", "reconstruction 1 HEAD 5 MM", "patient", "reconstruction 1 HEAD 5 MM",
                "reconstruction 1 HEAD 5 MM");
    }

    @Test
    void saysWhenNoImageReferencesTheProtocol() {
        DefinedProtocol defined = DefinedProtocol.read(ProtocolFixtures.ctRoutineAdultHeadDefined()).value();
        Compliance c = ConstraintCheck.checkImages(defined, ProtocolFixtures.carotidImages());
        assertThat(c.results()).isEmpty();
        assertThat(c.findings()).extracting(ProtocolFinding::message).containsExactly(
                "none of the 3 image(s) references defined protocol " + ProtocolFixtures.CT_HEAD_UID);
    }

    private static String uidOf(org.kerma.dicom.DicomObject ds) {
        return ds.getString(org.kerma.dicom.Tag.SOPInstanceUID, "");
    }
}
