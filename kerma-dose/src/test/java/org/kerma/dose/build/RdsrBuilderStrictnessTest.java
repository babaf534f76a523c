package org.kerma.dose.build;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.DoseReport;
import org.kerma.dose.Quantity;
import org.kerma.dose.Unit;

/** The builder refuses a document that would not conform, naming the content item path, the concept and why. */
class RdsrBuilderStrictnessTest {
    private static final RdsrBuilder BUILDER = RdsrBuilder.with(VendorProfile.named("standard"));

    private static DoseReport withSpiral(CtIrradiationEvent spiral) {
        DoseReport r = SampleReports.ct();
        return new DoseReport(r.kind(), r.templateId(), r.header(), r.observer(), r.procedureReported(),
                r.hasIntent(), r.scopeOfAccumulation(), r.scopeUid(), r.startOfXRayIrradiation(),
                r.endOfXRayIrradiation(), r.sourceOfDoseInformation(), r.accumulatedDoses(), r.ctAccumulatedDose(),
                r.events(), List.of(r.ctEvents().get(0), spiral), r.administrations(), r.quirks(), r.findings());
    }

    private static CtIrradiationEvent spiral(Optional<Quantity> ctdivol, Optional<Quantity> dlp,
            boolean phantom) {
        CtIrradiationEvent e = SampleReports.ct().ctEvents().get(1);
        return new CtIrradiationEvent(e.path(), e.acquisitionProtocol(), e.targetRegion(), e.ctAcquisitionType(),
                e.procedureContext(), e.irradiationEventUid(), e.exposureTime(), e.scanningLength(),
                e.nominalSingleCollimationWidth(), e.nominalTotalCollimationWidth(), e.pitchFactor(),
                e.numberOfXRaySources(), e.sources(), ctdivol, phantom ? e.ctdiwPhantomType() : Optional.empty(),
                e.meanCtdiFreeAir(), dlp, e.effectiveDose(), e.xRayModulationType(), e.comment(), e.doseCheck());
    }

    private static final Optional<Quantity> CTDIVOL = Optional.of(Quantity.of(8.43, Unit.MILLIGRAY));
    private static final Optional<Quantity> DLP = Optional.of(Quantity.of(415.82, Unit.MILLIGRAY_CENTIMETRE));

    @Test
    void refusesAMissingMandatoryItemNamingItsPathAndRow() {
        // standard order: 1.1 procedure, 1.2-1.9 observer, 1.10 start, 1.11 end, 1.12 scope, 1.13 accumulated,
        // 1.14 localizer, 1.15 spiral; in it 1.15.5 CT Acquisition Parameters, 1.15.6 CT Dose with 1.15.6.2 phantom
        assertThatThrownBy(() -> BUILDER.build(withSpiral(spiral(CTDIVOL, DLP, false))))
                .isInstanceOf(RdsrBuildException.class)
                .hasMessage("1.15.6.2: CTDIw Phantom Type (113835, DCM) is missing; mandatory in TID 10013 row 23");
    }

    @Test
    void pathsInErrorsAreThoseTheReaderGivesTheBuiltDocument() {
        DoseReport read = org.kerma.dose.rdsr.RdsrReader.read(BUILDER.build(SampleReports.ct()));
        org.assertj.core.api.Assertions.assertThat(read.ctEvents().get(1).path()).isEqualTo("1.15");
    }

    @Test
    void refusesAQuantityInTheWrongUnit() {
        Optional<Quantity> dlpInMgy = Optional.of(Quantity.of(415.82, Unit.MILLIGRAY));
        assertThatThrownBy(() -> BUILDER.build(withSpiral(spiral(CTDIVOL, dlpInMgy, true))))
                .isInstanceOf(RdsrBuildException.class)
                .hasMessage("1.15.6.3: DLP (113838, DCM) is in mGy; expected a quantity in mGy.cm");
    }

    @Test
    void refusesANumWithoutAValue() {
        Optional<Quantity> nan = Optional.of(Quantity.of(Double.NaN, Unit.MILLIGRAY));
        assertThatThrownBy(() -> BUILDER.build(withSpiral(spiral(nan, DLP, true))))
                .isInstanceOf(RdsrBuildException.class)
                .hasMessage("1.15.6.1: Mean CTDIvol (113830, DCM) has no numeric value");
    }

    @Test
    void refusesANegativeDose() {
        Optional<Quantity> negative = Optional.of(Quantity.of(-8.43, Unit.MILLIGRAY));
        assertThatThrownBy(() -> BUILDER.build(withSpiral(spiral(negative, DLP, true))))
                .isInstanceOf(RdsrBuildException.class)
                .hasMessage("1.15.6.1: Mean CTDIvol (113830, DCM) is negative (-8.43)");
    }

    @Test
    void writesUtf8OnlyWhenAStringNeedsIt() {
        org.assertj.core.api.Assertions.assertThat(BUILDER.build(SampleReports.ct()).contains(
                org.kerma.dicom.Tag.SpecificCharacterSet)).isFalse();
        DoseReport r = SampleReports.ct();
        org.kerma.dose.ReportHeader h = r.header();
        org.kerma.dose.ReportHeader accented = new org.kerma.dose.ReportHeader(h.sopClassUid(), h.sopInstanceUid(),
                h.studyInstanceUid(), h.seriesInstanceUid(), h.accessionNumber(), h.studyDate(), h.studyTime(),
                h.studyDescription(), "Müller^Jürgen", h.patientId(), h.patientBirthDate(), h.patientSex(),
                h.patientAge(), h.modality(), h.manufacturer(), h.modelName(), h.stationName(),
                h.institutionName(), h.deviceSerialNumber(), h.softwareVersions());
        DoseReport withAccents = new DoseReport(r.kind(), r.templateId(), accented, r.observer(),
                r.procedureReported(), r.hasIntent(), r.scopeOfAccumulation(), r.scopeUid(),
                r.startOfXRayIrradiation(), r.endOfXRayIrradiation(), r.sourceOfDoseInformation(),
                r.accumulatedDoses(), r.ctAccumulatedDose(), r.events(), r.ctEvents(), r.administrations(),
                r.quirks(), r.findings());
        org.kerma.dicom.DicomObject sr = BUILDER.build(withAccents);
        org.assertj.core.api.Assertions.assertThat(sr.getString(org.kerma.dicom.Tag.SpecificCharacterSet, ""))
                .isEqualTo("ISO_IR 192");
        org.assertj.core.api.Assertions.assertThat(org.kerma.dose.rdsr.RdsrReader.read(sr).header().patientName())
                .isEqualTo("Müller^Jürgen");
    }

    @Test
    void refusesAnAttributeValueItsVrCannotHoldNamingTheTag() {
        DoseReport r = SampleReports.ct();
        org.kerma.dose.ReportHeader h = r.header();
        org.kerma.dose.ReportHeader longId = new org.kerma.dose.ReportHeader(h.sopClassUid(), h.sopInstanceUid(),
                h.studyInstanceUid(), h.seriesInstanceUid(), h.accessionNumber(), h.studyDate(), h.studyTime(),
                h.studyDescription(), h.patientName(), "X".repeat(65), h.patientBirthDate(), h.patientSex(),
                h.patientAge(), h.modality(), h.manufacturer(), h.modelName(), h.stationName(),
                h.institutionName(), h.deviceSerialNumber(), h.softwareVersions());
        DoseReport bad = new DoseReport(r.kind(), r.templateId(), longId, r.observer(), r.procedureReported(),
                r.hasIntent(), r.scopeOfAccumulation(), r.scopeUid(), r.startOfXRayIrradiation(),
                r.endOfXRayIrradiation(), r.sourceOfDoseInformation(), r.accumulatedDoses(), r.ctAccumulatedDose(),
                r.events(), r.ctEvents(), r.administrations(), r.quirks(), r.findings());
        assertThatThrownBy(() -> BUILDER.build(bad)).isInstanceOf(RdsrBuildException.class)
                .hasMessageStartingWith("data set: ").hasMessageContaining("(0010,0020)");
    }

    @Test
    void refusesAProfileThatLeavesOutAMandatoryItem() {
        String profile = "name\tbroken\n[10011]\nprocedure-reported\ndevice-observer-uid\n";
        assertThatThrownBy(() -> VendorProfile.parse("broken.profile",
                new java.io.ByteArrayInputStream(profile.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(RdsrBuildException.class)
                .hasMessage("broken.profile: leaves out 'start-of-xray-irradiation', mandatory in TID 10011");
    }

    @Test
    void refusesAnUnknownProfileItemNamingTheLine() {
        String profile = "name\tbroken\n[10011]\nprocedure-reported\ndose-summary\n";
        assertThatThrownBy(() -> VendorProfile.parse("broken.profile",
                new java.io.ByteArrayInputStream(profile.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(RdsrBuildException.class)
                .hasMessage("broken.profile:4: unknown root item 'dose-summary'");
    }
}
