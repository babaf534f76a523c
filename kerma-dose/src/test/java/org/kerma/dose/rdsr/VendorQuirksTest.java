package org.kerma.dose.rdsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kerma.dicom.sr.ContentPath;
import org.kerma.dicom.sr.ContentTree;
import org.kerma.dose.AccumulatedDose;
import org.kerma.dose.AppliedQuirk;
import org.kerma.dose.CtAccumulatedDose;
import org.kerma.dose.DoseReport;
import org.kerma.dose.Quantity;
import org.kerma.dose.SharedCorpus;
import org.kerma.dose.Unit;
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
}
