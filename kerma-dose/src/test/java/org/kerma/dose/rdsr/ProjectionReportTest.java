package org.kerma.dose.rdsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dose.AccumulatedDose;
import org.kerma.dose.AppliedQuirk;
import org.kerma.dose.DoseReport;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.SharedCorpus;
import org.kerma.dose.Unit;
import org.kerma.dose.vendor.Quirk;

/** TID 10001 reports: the project's own Philips sample and the PySkinDose RDSRs of the shared corpus. */
class ProjectionReportTest {

    static DicomObject own(String name) throws IOException {
        Path tmp = Files.createTempFile("kerma-sample", ".dcm");
        try (InputStream in = ProjectionReportTest.class.getResourceAsStream("/org/kerma/dose/samples/" + name)) {
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return DicomReader.read(tmp).dataset();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static DicomObject pyskindose(String path) throws IOException {
        return DicomReader.read(SharedCorpus.openrem().getParent().resolve("samples/rvbCMTS+PySkinDose")
                .resolve(path)).dataset();
    }

    @Test
    void readsPhilipsAlluraClaritySampleCarriedByTheProject() throws IOException {
        DoseReport r = RdsrReader.read(own("philips-allura-clarity-P1.dcm"));
        assertThat(r.kind()).isEqualTo(DoseReport.Kind.PROJECTION_XRAY);
        assertThat(r.observer().deviceName()).contains("U601");
        assertThat(r.observer().modelName()).contains("Allura Clarity");
        AccumulatedDose a = r.accumulatedDoses().get(0);
        assertThat(a.doseAreaProductTotal().orElseThrow().value()).isEqualTo(2.3e-6);
        assertThat(a.doseRpTotal().orElseThrow().value()).isEqualTo(0.00020622645250);
        assertThat(a.totalAcquisitionTime().orElseThrow().value()).isEqualTo(1.333);
        assertThat(a.totalNumberOfRadiographicFrames().orElseThrow().value()).isEqualTo(10);
        assertThat(a.referencePointDefinition().orElseThrow().text()).isEqualTo("15cm below BeamIsocenter");
        IrradiationEvent e = r.events().get(0);
        assertThat(e.path()).isEqualTo("1.10");
        assertThat(e.acquisitionProtocol()).contains("Coronar Med 7.5 b/s  (Normal)");
        assertThat(e.source().kvp().orElseThrow().value()).isEqualTo(46.35);
        assertThat(e.source().xRayTubeCurrent().orElseThrow().value()).isEqualTo(65.9);
        assertThat(e.source().pulseWidth().orElseThrow().value()).isCloseTo(0.0032, within(1e-15));
        assertThat(e.source().pulseWidth().orElseThrow().originalUnit()).isEqualTo("ms");
        assertThat(e.source().pulseRate().orElseThrow().unit()).isEqualTo(Unit.PER_SECOND);
        assertThat(e.source().filters()).hasSize(2);
        assertThat(e.source().filters().get(1).thicknessMaximum().orElseThrow().value()).isEqualTo(1);
        assertThat(e.mechanical().positionerPrimaryAngle().orElseThrow().value()).isEqualTo(-0.29);
        assertThat(e.mechanical().distanceSourceToDetector().orElseThrow().value()).isEqualTo(1209);
        assertThat(e.mechanical().tableLateralPosition().orElseThrow().value()).isEqualTo(1760.5);
    }

    @Test
    void readsEveryPySkinDoseReportWithTheEventCountOfItsManifestNote() throws IOException {
        assertThat(RdsrReader.read(pyskindose("src/pyskindose/example_data/RDSR/siemens_axiom_artis.dcm"))
                .events()).hasSize(21);
        assertThat(RdsrReader.read(pyskindose("src/pyskindose/example_data/RDSR/siemens_axiom_example_procedure.dcm"))
                .events()).hasSize(24);
        assertThat(RdsrReader.read(pyskindose("src/pyskindose/example_data/RDSR/philips_allura_clarity_u104.dcm"))
                .events()).hasSize(25);
        assertThat(RdsrReader.read(pyskindose("RDSR_data/P1.dcm")).events()).hasSize(1);
    }

    @Test
    void readsSiemensGym2ValuesWithThreeDigitExponents() throws IOException {
        DoseReport r = RdsrReader.read(pyskindose(
                "src/pyskindose/example_data/RDSR/siemens_axiom_example_procedure.dcm"));
        var fluoroDap = r.accumulatedDoses().get(0).fluoroDoseAreaProductTotal().orElseThrow();
        assertThat(fluoroDap.value()).isEqualTo(8.664e-5);
        assertThat(fluoroDap.originalUnit()).isEqualTo("Gym2");
        assertThat(r.events().get(0).doseAreaProduct().orElseThrow().value()).isEqualTo(5.42e-6);
        assertThat(r.quirks()).extracting(AppliedQuirk::quirk).contains(Quirk.UNIT_CODE_NOT_UCUM);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void readsCanonDxEventWithItsSourceParameters() {
        DoseReport r = RdsrReader.read(SharedCorpus.read("DX-RDSR-Canon_CXDI.dcm"));
        IrradiationEvent e = r.events().get(0);
        assertThat(e.irradiationEventType()).contains(DCM.StationaryAcquisition);
        assertThat(e.dateTimeStarted()).contains(LocalDateTime.of(2016, 8, 18, 19, 26, 17, 43_000_000));
        assertThat(e.source().exposure().orElseThrow().value()).isCloseTo(0.8, within(1e-12));
        assertThat(e.source().exposureTime().orElseThrow().value()).isCloseTo(0.005, within(1e-15));
        assertThat(r.sourceOfDoseInformation()).containsExactly(DCM.AutomatedDataCollection);
    }
}
