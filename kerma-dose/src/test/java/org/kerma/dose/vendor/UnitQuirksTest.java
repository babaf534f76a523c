package org.kerma.dose.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.kerma.dicom.Uid;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dose.AppliedQuirk;
import org.kerma.dose.DoseReport;
import org.kerma.dose.Quantity;
import org.kerma.dose.SharedCorpus;
import org.kerma.dose.SrBuilder;
import org.kerma.dose.rdsr.RdsrReader;

/** One test per row of {@link UnitQuirks}, on the corpus file where the unit code was seen. */
class UnitQuirksTest {
    static DoseReport read(String file) {
        return RdsrReader.read(SharedCorpus.read(file));
    }

    static boolean repaired(DoseReport r, String detail) {
        return r.quirks().stream().filter(q -> q.quirk() == Quirk.UNIT_CODE_NOT_UCUM).map(AppliedQuirk::detail)
                .anyMatch(detail::equals);
    }

    @Test
    void readsSiemensGym2AsGraySquareMetre() {
        DoseReport r = read("Dual-RDSR-DX.dcm");
        Quantity dap = r.accumulatedDoses().get(0).doseAreaProductTotal().orElseThrow();
        assertThat(dap.originalUnit()).isEqualTo("Gym2");
        assertThat(dap.value()).isEqualTo(dap.originalValue());
        assertThat(repaired(r, "unit Gym2 read as Gy.m2")).isTrue();
    }

    @Test
    void readsMGycmAsMilligrayCentimetre() {
        DoseReport r = read("CT-ESR-GE_Optima.dcm");
        assertThat(r.ctEvents().get(2).dlp().orElseThrow().value()).isEqualTo(155.97);
        assertThat(repaired(r, "unit mGycm read as mGy.cm")).isTrue();
    }

    @Test
    void readsUAsAsMicroampereSecond() {
        DoseReport r = read("Dual-RDSR-DX.dcm");
        Quantity exposure = r.events().get(0).source().exposure().orElseThrow();
        assertThat(exposure.originalUnit()).isEqualTo("uAs");
        assertThat(exposure.value()).isCloseTo(exposure.originalValue() / 1000, within(1e-12));
        assertThat(repaired(r, "unit uAs read as uA.s")).isTrue();
    }

    @Test
    void readsPulsePerSecondAsPerSecond() {
        DoseReport r = read("RF-RDSR-GE.dcm");
        assertThat(r.events()).anyMatch(e -> e.source().pulseRate().map(q -> q.originalUnit().equals("pulse/s"))
                .orElse(false));
        assertThat(repaired(r, "unit pulse/s read as {pulse}/s")).isTrue();
    }

    @Test
    void readsXRaySourcesWithoutBracesAsCount() {
        DoseReport r = read("CT-ESR-GE_Optima.dcm");
        assertThat(r.ctEvents().get(0).numberOfXRaySources().orElseThrow().value()).isEqualTo(1);
        assertThat(repaired(r, "unit X-ray sources read as {X-ray sources}")).isTrue();
    }

    @Test
    void readsGyCmCaretTwoAsGraySquareCentimetre() {
        // Siemens Arcadis Varic writes it in its private summary (RF-ESR-Siemens-Varic.dcm), which is not read;
        // the same unit in a standard Dose Area Product Total shows the repair.
        SrBuilder doc = SrBuilder.rdsr(DCM.XRayRadiationDoseReport, "10001");
        doc.container(DCM.AccumulatedXRayDoseData).num(DCM.DoseAreaProductTotal, "20.5", "Gy.cm^2");
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.accumulatedDoses().get(0).doseAreaProductTotal().orElseThrow().value())
                .isCloseTo(20.5e-4, within(1e-15));
        assertThat(repaired(r, "unit Gy.cm^2 read as Gy.cm2")).isTrue();
        assertThat(SharedCorpus.read("RF-ESR-Siemens-Varic.dcm").getString(org.kerma.dicom.Tag.SOPClassUID, ""))
                .isEqualTo(Uid.EnhancedSRStorage);
    }

    @Test
    void readsUcmSchemeAsUcum() {
        DoseReport r = read("RF-RDSR-GE.dcm");
        assertThat(r.quirks()).anyMatch(q -> q.quirk() == Quirk.UNIT_SCHEME_MISSPELT
                && q.detail().equals("units scheme UCM read as UCUM"));
        assertThat(r.events().get(3).doseRp().orElseThrow().value()).isCloseTo(0.00210763, within(1e-12));
    }

    @Test
    void listsEachRepairOnce() {
        assertThat(UnitQuirks.all()).containsOnlyKeys("Gym2", "mGycm", "uAs", "pulse/s", "Gy.cm^2", "X-ray sources");
        assertThat(UnitQuirks.repair("Gy.m2")).isEmpty();
    }
}
