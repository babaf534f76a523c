package org.kerma.dose.rdsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dose.DoseReport;
import org.kerma.dose.Finding;
import org.kerma.dose.SrBuilder;

/** Broken reports give findings with content item paths, never an exception or a silent number. */
class BadInputTest {

    static SrBuilder ct() {
        return SrBuilder.rdsr(DCM.XRayRadiationDoseReport, "10011");
    }

    @Test
    void reportsMissingMandatoryContainerAtTheRoot() {
        SrBuilder doc = ct();
        doc.container(DCM.CTAcquisition).text(DCM.AcquisitionProtocol, "Head");
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.ctAccumulatedDose()).isEmpty();
        assertThat(r.ctEvents()).hasSize(1);
        assertThat(r.findings()).containsExactly(new Finding(Finding.Severity.ERROR, "1",
                "mandatory container CT Accumulated Dose Data (113811) of TID 10011 is missing"));
    }

    @Test
    void refusesNumWithoutUnitsAndNamesItsPath() {
        SrBuilder doc = ct();
        doc.container(DCM.CTAccumulatedDoseData).num(DCM.CTDoseLengthProductTotal, "415.82", null);
        doc.container(DCM.CTAcquisition);
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.ctAccumulatedDose().orElseThrow().ctDoseLengthProductTotal()).isEmpty();
        assertThat(r.findings()).contains(new Finding(Finding.Severity.ERROR, "1.1.1",
                "(113813, DCM, \"CT Dose Length Product Total\") value 415.82 has no units; not used"));
    }

    @Test
    void refusesUnknownUnitInsteadOfGivingASilentNumber() {
        SrBuilder doc = ct();
        doc.container(DCM.CTAccumulatedDoseData).num(DCM.CTDoseLengthProductTotal, "415.82", "furlong");
        doc.container(DCM.CTAcquisition);
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.ctAccumulatedDose().orElseThrow().ctDoseLengthProductTotal()).isEmpty();
        assertThat(r.findings()).anyMatch(f -> f.path().equals("1.1.1")
                && f.message().endsWith("has unknown unit 'furlong'; not used"));
    }

    @Test
    void refusesUnitOfTheWrongKind() {
        SrBuilder doc = ct();
        doc.container(DCM.CTAccumulatedDoseData).num(DCM.CTDoseLengthProductTotal, "415.82", "mGy");
        doc.container(DCM.CTAcquisition);
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.ctAccumulatedDose().orElseThrow().ctDoseLengthProductTotal()).isEmpty();
        assertThat(r.findings()).anyMatch(f -> f.path().equals("1.1.1")
                && f.message().contains("has unit 'mGy', which is not a unit of mGy·cm"));
    }

    @Test
    void reportsWrongValueTypeWithPath() {
        SrBuilder doc = ct();
        doc.container(DCM.CTAccumulatedDoseData).text(DCM.CTDoseLengthProductTotal, "415.82 mGy.cm");
        doc.container(DCM.CTAcquisition);
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.ctAccumulatedDose().orElseThrow().ctDoseLengthProductTotal()).isEmpty();
        assertThat(r.findings()).contains(new Finding(Finding.Severity.ERROR, "1.1.1",
                "expected value type NUM for (113813, DCM, \"CT Dose Length Product Total\"), found 'TEXT'; not read"));
    }

    @Test
    void reportsUnreadableNumericValueWithPath() {
        SrBuilder doc = ct();
        doc.container(DCM.CTAccumulatedDoseData).num(DCM.CTDoseLengthProductTotal, "4l5.82", "mGy.cm");
        doc.container(DCM.CTAcquisition);
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.findings()).contains(new Finding(Finding.Severity.ERROR, "1.1.1",
                "(113813, DCM, \"CT Dose Length Product Total\") Numeric Value '4l5.82' is not a decimal number"));
    }

    @Test
    void stopsAtCycleOfByReferenceItems() {
        SrBuilder doc = ct();
        SrBuilder accumulated = doc.container(DCM.CTAccumulatedDoseData);
        accumulated.byReference("CONTAINS", 1, 1);
        doc.container(DCM.CTAcquisition).byReference("CONTAINS", 1, 2, 2).byReference("CONTAINS", 1, 2, 1);
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.findings()).filteredOn(f -> f.path().equals("1.1.1")).containsExactly(
                new Finding(Finding.Severity.ERROR, "1.1.1", "by-reference item leads back to 1.1 (a cycle); not followed"));
        assertThat(r.findings()).anyMatch(f -> f.path().startsWith("1.2.") && f.message().contains("cycle"));
    }

    @Test
    void followsByReferenceItemToItsValue() {
        SrBuilder doc = ct();
        doc.container(DCM.CTAccumulatedDoseData).byReference("CONTAINS", 1, 3);
        doc.container(DCM.CTAcquisition);
        doc.num(DCM.CTDoseLengthProductTotal, "12.5", "mGy.cm");
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.ctAccumulatedDose().orElseThrow().ctDoseLengthProductTotal().orElseThrow().value())
                .isEqualTo(12.5);
    }

    @Test
    void readsOneHundredThousandEventsBuiltInMemory() {
        SrBuilder doc = SrBuilder.rdsr(DCM.XRayRadiationDoseReport, "10001");
        doc.container(DCM.AccumulatedXRayDoseData).num(DCM.DoseAreaProductTotal, "1.0", "Gy.m2");
        for (int i = 0; i < 100_000; i++) {
            doc.container(DCM.IrradiationEventXRayData).num(DCM.DoseAreaProduct, "1e-5", "Gy.m2")
                    .num(DCM.KVP, Integer.toString(60 + i % 60), "kV");
        }
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.events()).hasSize(100_000);
        assertThat(r.events().get(99_999).path()).isEqualTo("1.100001");
        assertThat(r.events().get(99_999).source().kvp().orElseThrow().value()).isEqualTo(60 + 99_999 % 60);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void stopsAtHostileNestingDepthWithAFinding() {
        SrBuilder doc = SrBuilder.rdsr(DCM.XRayRadiationDoseReport, "10001");
        doc.container(DCM.AccumulatedXRayDoseData).num(DCM.DoseAreaProductTotal, "1.0", "Gy.m2");
        SrBuilder deep = doc.container(DCM.IrradiationEventXRayData);
        for (int i = 0; i < 20_000; i++) {
            deep = deep.container(DCM.XRayFilters);
        }
        deep.num(DCM.KVP, "80", "kV");
        DoseReport r = RdsrReader.read(doc.dataset());
        assertThat(r.events()).hasSize(1);
        assertThat(r.events().get(0).source().kvp()).isEmpty();
        assertThat(r.findings()).anyMatch(f -> f.severity() == Finding.Severity.ERROR
                && f.message().equals("content tree nested deeper than 100 levels; the items below are not read")
                && f.path().startsWith("1.2.1.1.1"));
    }

    @Test
    void refusesSrThatIsNotADoseReport() {
        SrBuilder doc = SrBuilder.document(Uid.ComprehensiveSRStorage, DCM.Document, null);
        assertThat(RdsrReader.isDoseReport(doc.dataset())).isFalse();
        assertThatThrownBy(() -> RdsrReader.read(doc.dataset())).isInstanceOf(NotADoseReportException.class)
                .hasMessage("not a radiation dose report: SOP Class 1.2.840.10008.5.1.4.1.1.88.33, document title "
                        + "(121003, DCM, \"Document\")");
    }

    @Test
    void readsEmptyDataSetAsNotADoseReport() {
        DicomObject empty = new DicomObject();
        assertThatThrownBy(() -> RdsrReader.read(empty)).isInstanceOf(NotADoseReportException.class)
                .hasMessageContaining("SOP Class (none)");
        empty.setString(Tag.SOPClassUID, Uid.XRayRadiationDoseSRStorage);
        DoseReport r = RdsrReader.read(empty);
        assertThat(r.findings()).contains(new Finding(Finding.Severity.ERROR, "1",
                "mandatory container Accumulated X-Ray Dose Data (113702) of TID 10001 is missing"));
    }
}
