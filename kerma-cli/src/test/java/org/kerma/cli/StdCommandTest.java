package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StdCommandTest {
    private static CommandRun kerma(String... args) {
        return CommandRun.kerma(new Object[0], args);
    }

    @Test
    void listsTheModulesOfTheXRayRadiofluoroscopicImageIodWithUsage() {
        CommandRun run = kerma("std", "iod", "X-Ray Radiofluoroscopic Image");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("X-Ray Radiofluoroscopic Image IOD (PS3.3 A.16.3,")
                .contains("SOP class 1.2.840.10008.5.1.4.1.1.12.2 X-Ray Radiofluoroscopic Image Storage")
                .containsPattern("Image +XRF Positioner +U +Table C\\.8-")
                .containsPattern("Image +X-Ray Tomography Acquisition +C .*Required if Scan Option \\(0018,0022\\) is TOMO");
        assertThat(run.out().lines().filter(l -> l.matches("^(Patient|Study|Series|Frame of Reference|Equipment"
                + "|Acquisition|Image) .*"))).hasSize(36);
    }

    @Test
    void findsTheIodOfASopClassUidAsJson() {
        CommandRun run = kerma("std", "iod", "1.2.840.10008.5.1.4.1.1.88.67", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"id\" : \"x-ray-radiation-dose-sr\"",
                "\"module\" : \"sr-document-content\"", "\"usage\" : \"M\"");
    }

    @Test
    void showsRtBeamsAttributesWithTypeVrAndNesting() {
        CommandRun run = kerma("std", "module", "RT Beams");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("\nBeamSequence +\\(300A,00B0\\) 1 +SQ +1-n")
                .containsPattern("\n>BeamNumber +\\(300A,00C0\\) 1 +IS +1")
                .containsPattern("\n>TreatmentMachineName +\\(300A,00B2\\) 2 +SH +1")
                .containsPattern("\n>BeamType +\\(300A,00C4\\) 1 +CS +1 +enum STATIC\\\\DYNAMIC");
    }

    @Test
    void printsModuleAttributesAsJson() {
        CommandRun run = kerma("std", "module", "rt-beams", "--json");

        assertThat(run.out()).contains("\"path\" : \"BeamSequence>TreatmentMachineName\"", "\"type\" : \"2\"",
                "\"tag\" : \"300A00B2\"");
    }

    @Test
    void describesImageAndFluoroscopyAreaDoseProduct() {
        CommandRun byTag = kerma("std", "tag", "0018,115E");
        CommandRun byShorthand = kerma("std", "tag", "AreaDoseProduct");

        assertThat(byTag.exitCode()).isZero();
        assertThat(byTag.out()).contains("Name:    Image and Fluoroscopy Area Dose Product",
                "Keyword: ImageAndFluoroscopyAreaDoseProduct", "VR:      DS", "VM:      1", "Retired: no",
                "X-Ray Acquisition (x-ray-acquisition)");
        assertThat(byShorthand.exitCode()).isZero();
        assertThat(byShorthand.out()).contains(byTag.out(), "Keyword: AcquiredImageAreaDoseProduct");
    }

    @Test
    void printsATagAsJsonWithTheModulesUsingIt() {
        CommandRun run = kerma("std", "tag", "(0018,115E)", "--json");

        assertThat(run.out()).contains("\"vr\" : \"DS\"", "\"vm\" : \"1\"", "\"retired\" : false",
                "\"x-ray-acquisition-dose\"");
    }

    @Test
    void namesTheSopClassAndIodOfAUid() {
        CommandRun run = kerma("std", "uid", "1.2.840.10008.5.1.4.1.1.88.67");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Name:    X-Ray Radiation Dose SR Storage", "Type:    SOP_CLASS",
                "IOD:     X-Ray Radiation Dose SR");
    }

    @Test
    void failsNamingTheUnknownModule() {
        CommandRun run = kerma("std", "module", "No Such Module");

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(run.err()).contains("no module named 'No Such Module'");
    }
}
