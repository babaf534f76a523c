package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DoseCommandTest {
    static String corpus(String name) {
        return Path.of(System.getProperty("kerma.shared", "../../shared")).resolve("corpus/openrem").resolve(name)
                .toString();
    }

    @Test
    void printsCtTotalsEventsAndQuirksOfGeEnhancedSr() {
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "report", corpus("CT-ESR-GE_Optima.dcm"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ctDoseLengthProductTotal: 415.82 mGy·cm (415.82 mGycm)")
                .contains("ctEvents (6):").contains("GE_CT_ENHANCED_SR").contains("deviceName: geoptima");
    }

    @Test
    void printsJsonWithCanonicalUnitBesideEachNumber() {
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "report", "--json",
                corpus("RF-RDSR-Canon-Ultimaxi-mGyDoseAtRP.dcm"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\"kind\":\"PROJECTION_XRAY\"")
                .contains("\"doseRpTotal\":{\"value\":0.030573,\"unit\":\"Gy\",\"original\":30.573,"
                        + "\"originalUnit\":\"mGy\"}");
    }

    @Test
    void printsFindingsWithTheirContentItemPaths() {
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "report", corpus("CT-RDSR-Philips_BigBore4DCT.dcm"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("meanCtdivol: 23.7 mGy")
                .contains("- WARNING 1.13.2: (123014, DCM, \"Target Region\") has no Concept Code Sequence")
                .contains("- EMPTY_REQUIRED_VALUE at 1.13.2: (123014, DCM, \"Target Region\") has no code");
    }

    @Test
    void refusesAnSrThatIsNotADoseReport() {
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "report", corpus("ESR_non-dose.dcm"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not a radiation dose report: SOP Class 1.2.840.10008.5.1.4.1.1.88.22");
    }

    @Test
    void namesAMissingFile() {
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "report", "no-such.dcm");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no such file: no-such.dcm");
    }
}
