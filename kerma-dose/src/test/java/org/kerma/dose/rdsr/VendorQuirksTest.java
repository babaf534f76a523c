package org.kerma.dose.rdsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.kerma.dicom.Code;
import org.kerma.dicom.sr.Concepts.DCM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kerma.dicom.sr.ContentPath;
import org.kerma.dicom.sr.ContentTree;
import org.kerma.dose.AccumulatedDose;
import org.kerma.dose.AppliedQuirk;
import org.kerma.dose.CtAccumulatedDose;
import org.kerma.dose.DoseReport;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.Quantity;
import org.kerma.dose.SharedCorpus;
import org.kerma.dose.SrBuilder;
import org.kerma.dose.Unit;
import org.kerma.dose.vendor.PrivateContent;
import org.kerma.dose.vendor.Quirk;

/** Each vendor deviation of {@link Quirk}, shown on the corpus file that has it (openrem.md section 4). */
class VendorQuirksTest {
    static DoseReport read(String file) {
        return RdsrReader.read(SharedCorpus.read(file));
    }

    static boolean applied(DoseReport r, Quirk q) {
        return r.quirks().stream().map(AppliedQuirk::quirk).anyMatch(q::equals);
    }

    @ParameterizedTest
    @EnumSource(value = Quirk.class, names = "NUMERIC_VALUE_SLASH_SEPARATED", mode = EnumSource.Mode.EXCLUDE)
    void everyQuirkIsAppliedToItsSampleFile(Quirk quirk) {
        assertThat(applied(read(quirk.sampleFile()), quirk)).isTrue();
    }

    @Test
    void readsGeOptimaEnhancedSrAsCtReportWithoutHasIntent() {
        DoseReport r = read("CT-ESR-GE_Optima.dcm");
        assertThat(r.kind()).isEqualTo(DoseReport.Kind.CT);
        assertThat(r.header().sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.88.22");
        assertThat(r.ctAccumulatedDose().flatMap(CtAccumulatedDose::ctDoseLengthProductTotal).orElseThrow().value())
                .isEqualTo(415.82);
        assertThat(r.hasIntent()).isEmpty();
        assertThat(r.quirks()).filteredOn(q -> q.quirk() == Quirk.MISSING_HAS_INTENT)
                .singleElement().satisfies(q -> assertThat(q.path()).isEqualTo("1.1"));
    }

    @Test
    void infersTid10001ForOecEliteMiniViewWithoutTemplateSequence() {
        DoseReport r = read("RF-RDSR-GE-OECEliteMiniView.dcm");
        assertThat(r.kind()).isEqualTo(DoseReport.Kind.PROJECTION_XRAY);
        assertThat(r.templateId()).isEqualTo("10001");
        assertThat(r.accumulatedDoses().get(0).fluoroDoseRpTotal().orElseThrow().value())
                .isCloseTo(0.00022034578, within(1e-15));
    }

    @Test
    void readsGeDeviceObserverUidCodedAsText() {
        assertThat(read("RF-RDSR-GE.dcm").observer().deviceObserverUid())
                .contains("1.3.6.1.4.1.45593.912345678.9876543123");
    }

    @Test
    void matchesGeFluoroDoseRpTotalByCodeDespiteItsMisspeltMeaning() {
        AccumulatedDose a = read("RF-RDSR-GE.dcm").accumulatedDoses().get(0);
        assertThat(a.fluoroDoseRpTotal().orElseThrow().value()).isCloseTo(0.0117317, within(1e-12));
        assertThat(a.fluoroDoseAreaProductTotal().orElseThrow().value()).isCloseTo(2.4126e-4, within(1e-15));
    }

    @Test
    void convertsCanonUltimaxDoseAtRpFromMilligrayAndDapFromDecigraySquareCentimetre() {
        AccumulatedDose a = read("RF-RDSR-Canon-Ultimaxi-mGyDoseAtRP.dcm").accumulatedDoses().get(0);
        Quantity rp = a.doseRpTotal().orElseThrow();
        assertThat(rp.value()).isCloseTo(0.030573, within(1e-12));
        assertThat(rp.originalUnit()).isEqualTo("mGy");
        assertThat(rp.originalValue()).isEqualTo(30.573);
        Quantity dap = a.doseAreaProductTotal().orElseThrow();
        assertThat(dap.unit()).isEqualTo(Unit.GRAY_SQUARE_METRE);
        assertThat(dap.originalUnit()).isEqualTo("dGy.cm2");
        assertThat(dap.value()).isCloseTo(dap.originalValue() * 1e-5, within(1e-15));
    }

    @Test
    void readsFirstOfToshibaSlashSeparatedNumericValues() {
        ContentTree tree = ContentTree.of(SharedCorpus.read("CT-RDSR-Toshiba_MultiValSD.dcm"));
        ReadContext ctx = new ReadContext(tree);
        var item = tree.find(ContentPath.parse("1.10.10.2")).orElseThrow();
        assertThat(item.numeric().orElseThrow().text()).isEqualTo("10.50/ 15.00");
        assertThat(ctx.quantity(item, Unit.ONE).orElseThrow().value()).isEqualTo(10.5);
        assertThat(ctx.quirks()).singleElement().satisfies(q -> {
            assertThat(q.quirk()).isEqualTo(Quirk.NUMERIC_VALUE_SLASH_SEPARATED);
            assertThat(q.path()).isEqualTo("1.10.10.2");
        });
    }

    @Test
    void readsSpectrumDynamicsDoseCheckPersonNameDespiteItsValueType() {
        DoseReport r = read("CT-RDSR-SpectrumDynamics.dcm");
        assertThat(r.ctEvents().get(1).doseCheck().orElseThrow().accumulatedDlpForwardEstimate().orElseThrow()
                .value()).isEqualTo(21.64);
        assertThat(r.quirks()).anyMatch(q -> q.quirk() == Quirk.PERSON_NAME_VALUE_TYPE);
    }

    @Test
    void leavesOutPhilipsBigBoreTargetRegionWithoutValueAndSaysWhere() {
        DoseReport r = read("CT-RDSR-Philips_BigBore4DCT.dcm");
        assertThat(r.ctEvents().get(0).targetRegion()).isEmpty();
        assertThat(r.ctEvents().get(0).meanCtdivol().orElseThrow().value()).isEqualTo(23.7);
        assertThat(r.findings()).anyMatch(f -> f.path().equals("1.13.2") && f.message().contains("Target Region"));
    }

    @Test
    void readsSiemensDualSourceEventWithTwoSources() {
        var e = read("CT-RDSR-Siemens_Flash-QA-DS.dcm").ctEvents().get(0);
        assertThat(e.sources()).hasSize(2);
        assertThat(e.sources().get(0).kvp().orElseThrow().value()).isEqualTo(100);
        assertThat(e.sources().get(1).kvp().orElseThrow().value()).isEqualTo(140);
        assertThat(e.sources().get(1).xRayTubeCurrent().orElseThrow().value()).isEqualTo(308);
    }

    @Test
    void derivesPhilipsAlluraCollimatedFieldOfEveryEventFromPrivateShuttersTimesSid() {
        DoseReport r = read("RF-RDSR-Philips_Allura.dcm");
        assertThat(r.events()).hasSize(3);
        for (IrradiationEvent e : r.events()) {
            IrradiationEvent.XRaySourceData s = e.source();
            // (164.5 + 164.5) mm × 1194 mm / 1000 mm and (131 + 131) mm × 1194 mm / 1000 mm
            assertThat(s.collimatedFieldHeight().orElseThrow().value()).isCloseTo(392.826, within(1e-9));
            assertThat(s.collimatedFieldWidth().orElseThrow().value()).isCloseTo(312.828, within(1e-9));
            assertThat(s.collimatedFieldHeight().orElseThrow().unit()).isEqualTo(Unit.MILLIMETRE);
            assertThat(s.collimatedFieldArea().orElseThrow().value()).isCloseTo(0.122886971928, within(1e-12));
            assertThat(s.collimatedFieldArea().orElseThrow().unit()).isEqualTo(Unit.SQUARE_METRE);
            assertThat(r.quirks()).filteredOn(q -> q.quirk() == Quirk.PRIVATE_SHUTTER_FIELD)
                    .filteredOn(q -> q.path().equals(e.path() + ".32")).singleElement()
                    .satisfies(q -> assertThat(q.detail()).contains("left 164.5 mm + right 164.5 mm",
                            "top 131 mm + bottom 131 mm", "SID 1194 mm (" + e.path() + ".20)", "/ 1000 mm"));
        }
        assertThat(r.events()).extracting(e -> e.source().numberOfPulses().orElseThrow().value())
                .containsExactly(98.0, 12.0, 15.0);
        assertThat(applied(r, Quirk.PRIVATE_FRAMES_AS_PULSES)).isFalse();
    }

    @Test
    void readsPhilipsFrameCountAsPulsesAndCarriesTheLastSidToEventsWithout() {
        DoseReport r = read("RF-Pat-Orientation-Modifier-Missing.dcm");
        assertThat(r.events()).hasSize(316);
        IrradiationEvent first = r.events().get(0);
        assertThat(first.mechanical().distanceSourceToDetector()).isEmpty();
        assertThat(first.source().collimatedFieldHeight()).isEmpty();
        assertThat(r.findings()).anyMatch(f -> f.path().equals("1.9.29")
                && f.message().contains("no Distance Source to Detector in this or an earlier event"));

        IrradiationEvent withSid = r.events().get(11);
        assertThat(withSid.path()).isEqualTo("1.20");
        assertThat(withSid.mechanical().distanceSourceToDetector().orElseThrow().value()).isEqualTo(1122);
        assertThat(withSid.source().numberOfPulses().orElseThrow().value()).isEqualTo(69);
        assertThat(r.quirks()).contains(new AppliedQuirk(Quirk.PRIVATE_FRAMES_AS_PULSES, "1.20.26",
                "Number of Pulses 69 read from (003, 99PHI-IXR-XPER, \"Number of Frames\")"));
        assertThat(withSid.source().collimatedFieldHeight().orElseThrow().value()).isCloseTo(141.372, within(1e-9));
        assertThat(withSid.source().collimatedFieldWidth().orElseThrow().value()).isCloseTo(114.444, within(1e-9));

        IrradiationEvent carried = r.events().get(12);
        assertThat(carried.mechanical().distanceSourceToDetector()).isEmpty();
        assertThat(carried.source().numberOfPulses().orElseThrow().value()).isEqualTo(147);
        assertThat(carried.source().collimatedFieldHeight().orElseThrow().value()).isCloseTo(141.372, within(1e-9));
        assertThat(r.quirks()).anyMatch(q -> q.quirk() == Quirk.PRIVATE_SHUTTER_FIELD && q.path().equals("1.21.29")
                && q.detail().contains("SID 1122 mm (carried from 1.20.17)"));
        long withoutPulses = r.quirks().stream().filter(q -> q.quirk() == Quirk.PRIVATE_FRAMES_AS_PULSES).count();
        assertThat(withoutPulses).isEqualTo(316 - 247);
    }

    @Test
    void derivesCollimatedFieldOfTheProjectsOwnAlluraClaritySample() throws java.io.IOException {
        DoseReport r = RdsrReader.read(ProjectionReportTest.own("philips-allura-clarity-P1.dcm"));
        IrradiationEvent.XRaySourceData s = r.events().get(0).source();
        // (77.5 + 77.5) mm × 1209 mm / 1000 mm on both axes
        assertThat(s.collimatedFieldHeight().orElseThrow().value()).isCloseTo(187.395, within(1e-9));
        assertThat(s.collimatedFieldWidth().orElseThrow().value()).isCloseTo(187.395, within(1e-9));
        assertThat(s.collimatedFieldArea().orElseThrow().value()).isCloseTo(0.035116886025, within(1e-12));
        assertThat(applied(r, Quirk.PRIVATE_SHUTTER_FIELD)).isTrue();
    }

    static SrBuilder eventWithShutters(SrBuilder doc, Code plane, String sid) {
        SrBuilder e = doc.container(DCM.IrradiationEventXRayData);
        if (plane != null) {
            e.code("HAS CONCEPT MOD", DCM.AcquisitionPlane, plane);
        }
        if (sid != null) {
            e.num(DCM.DistanceSourceToDetector, sid, "mm");
        }
        SrBuilder shutters = e.container(new Code("005", PrivateContent.PHILIPS_XPER, "Wedges and Shutters"));
        shutters.num(new Code("006", PrivateContent.PHILIPS_XPER, "Bottom Shutter"), "100", "mm");
        shutters.num(new Code("007", PrivateContent.PHILIPS_XPER, "Left Shutter"), "50", "mm");
        shutters.num(new Code("008", PrivateContent.PHILIPS_XPER, "Right Shutter"), "70", "mm");
        shutters.num(new Code("009", PrivateContent.PHILIPS_XPER, "Top Shutter"), "100", "mm");
        return e;
    }

    @Test
    void keepsStandardCollimatedFieldAndDerivesOnlyTheAbsentOnes() {
        SrBuilder doc = SrBuilder.rdsr(DCM.XRayRadiationDoseReport, "10001");
        doc.container(DCM.AccumulatedXRayDoseData);
        SrBuilder e = eventWithShutters(doc, null, "1000");
        e.num(DCM.CollimatedFieldHeight, "111", "mm");
        e.num(new Code("003", PrivateContent.PHILIPS_XPER, "Number of Frames"), "40", "1");
        e.num(DCM.NumberOfPulses, "41", "1");
        DoseReport r = RdsrReader.read(doc.dataset());
        IrradiationEvent.XRaySourceData s = r.events().get(0).source();
        assertThat(s.collimatedFieldHeight().orElseThrow().value()).isEqualTo(111);
        assertThat(s.collimatedFieldWidth().orElseThrow().value()).isEqualTo(200);
        assertThat(s.collimatedFieldArea().orElseThrow().value()).isCloseTo(120 * 200 / 1e6, within(1e-15));
        assertThat(s.numberOfPulses().orElseThrow().value()).isEqualTo(41);
        assertThat(r.quirks()).filteredOn(q -> q.quirk() == Quirk.PRIVATE_SHUTTER_FIELD).singleElement()
                .satisfies(q -> assertThat(q.detail()).doesNotContain("Collimated Field Height")
                        .contains("Collimated Field Width 200 mm"));
    }

    @Test
    void derivesNothingFromShuttersWhenAShutterIsMissing() {
        SrBuilder doc = SrBuilder.rdsr(DCM.XRayRadiationDoseReport, "10001");
        doc.container(DCM.AccumulatedXRayDoseData);
        SrBuilder e = doc.container(DCM.IrradiationEventXRayData);
        e.num(DCM.DistanceSourceToDetector, "1000", "mm");
        e.container(new Code("005", PrivateContent.PHILIPS_XPER, "Wedges and Shutters"))
                .num(new Code("007", PrivateContent.PHILIPS_XPER, "Left Shutter"), "50", "mm");
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.events().get(0).source().collimatedFieldHeight()).isEmpty();
        assertThat(applied(r, Quirk.PRIVATE_SHUTTER_FIELD)).isFalse();
        assertThat(r.findings()).anyMatch(f -> f.path().equals("1.2.2") && f.message().contains("lacks a shutter"));
    }

    @Test
    void carriesSidOnlyWithinItsAcquisitionPlane() {
        SrBuilder doc = SrBuilder.rdsr(DCM.XRayRadiationDoseReport, "10001");
        doc.container(DCM.AccumulatedXRayDoseData);
        eventWithShutters(doc, DCM.PlaneA, "1000");
        eventWithShutters(doc, DCM.PlaneB, null);
        eventWithShutters(doc, DCM.PlaneA, null);
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.events().get(0).source().collimatedFieldHeight().orElseThrow().value()).isEqualTo(120);
        assertThat(r.events().get(1).source().collimatedFieldHeight()).isEmpty();
        assertThat(r.findings()).anyMatch(f -> f.path().equals("1.3.2") && f.message().contains("no Distance"));
        assertThat(r.events().get(2).source().collimatedFieldWidth().orElseThrow().value()).isEqualTo(200);
        assertThat(r.quirks()).anyMatch(q -> q.path().equals("1.4.2") && q.detail().contains("carried from 1.2.2"));
    }
}
