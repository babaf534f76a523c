package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RdsrCommandTest {
    private static final String CT_EXAMPLE = "../docs/examples/rdsr-ct.json";

    @TempDir
    Path dir;

    @Test
    void buildsTheDocumentedCtExampleWithTheSiemensProfileAndShowsItsTree() {
        Path out = dir.resolve("ct.dcm");
        CommandRun build = CommandRun.kerma(new Object[0], "rdsr", "build", "--profile", "siemens", "--from-json",
                CT_EXAMPLE, "-o", out.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.out()).contains("TID 10011, profile siemens, 2 irradiation events");
        CommandRun show = CommandRun.kerma(new Object[0], "rdsr", "show", out.toString());
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).startsWith("1 CONTAINER X-Ray Radiation Dose Report = (TID 10011)")
                .contains("  1.1 HAS CONCEPT MOD CODE Procedure reported = Computed tomography (77477000, SCT)")
                .contains("1.8 HAS OBS CONTEXT TEXT Device Observer Physical Location During Observation = Room 3")
                .contains("      1.14.6.3 CONTAINS NUM DLP = 415.82 mGy.cm")
                .contains("  1.9 HAS OBS CONTEXT DATETIME Start of X-Ray Irradiation = 2026-03-01T10:15:02")
                .doesNotContain("Device Role in Procedure");
    }

    @Test
    void namesTheJsonPathOfABadUnit() throws Exception {
        Path json = dir.resolve("bad.json");
        Files.writeString(json, Files.readString(Path.of(CT_EXAMPLE))
                .replace("\"meanCtdivol\": {\"value\": 8.43, \"unit\": \"mGy\"}",
                        "\"meanCtdivol\": {\"value\": 8.43, \"unit\": \"mGy.cm\"}"));
        CommandRun run = CommandRun.kerma(new Object[0], "rdsr", "build", "--from-json", json.toString(), "-o",
                dir.resolve("x.dcm").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("$.events[1].meanCtdivol.unit: 'mGy.cm' is not a unit of meanCtdivol");
        assertThat(dir.resolve("x.dcm")).doesNotExist();
    }

    @Test
    void buildsAProjectionReportFromADirectoryOfDxImages() throws Exception {
        Path image = Path.of(DoseCommandTest.corpus("DX-Im-SiemensMultix.dcm"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(image), "shared corpus not present");
        Path images = Files.createDirectory(dir.resolve("images"));
        Files.copy(image, images.resolve("dx.dcm"));
        Path out = dir.resolve("dx-rdsr.dcm");
        CommandRun build = CommandRun.kerma(new Object[0], "rdsr", "build", "--profile", "ge", "--from-images",
                images.toString(), "-o", out.toString(), "--uid-root", "1.2.826.0.1.3680043.10.1234");
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.out()).contains("TID 10001, profile ge, 1 irradiation events");
        CommandRun report = CommandRun.kerma(new Object[0], "dose", "report", out.toString());
        assertThat(report.exitCode()).isZero();
        assertThat(report.out()).contains("doseAreaProduct: 4.72E-6 Gy·m²");
    }

    @Test
    void refusesAnUnknownProfile() {
        CommandRun run = CommandRun.kerma(new Object[0], "rdsr", "build", "--profile", "philips", "--from-json",
                CT_EXAMPLE, "-o", dir.resolve("x.dcm").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("profile philips: unknown profile; known: standard, ge, medtronic, siemens");
    }

    @Test
    void requiresOneSource() {
        CommandRun run = CommandRun.kerma(new Object[0], "rdsr", "build", "-o", dir.resolve("x.dcm").toString());
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
