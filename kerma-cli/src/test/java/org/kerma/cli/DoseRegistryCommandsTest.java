package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.registry.TestObjects;
import org.kerma.registry.dose.DoseStudies;

/** {@code kerma dose study|patient|image UID} on a registry filled by {@code kerma import}. */
class DoseRegistryCommandsTest {
    static final String S = TestObjects.ROOT + "63.1";

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void importAStudy() throws Exception {
        Path in = dir.resolve("in");
        List<DicomObject> objects = DoseStudies.xaStudy(S);
        for (int i = 0; i < objects.size(); i++) {
            TestObjects.write(in.resolve(i + ".dcm"), objects.get(i));
        }
        data = dir.resolve("data");
        CommandRun run = CommandRun.kerma(new Object[0], "import", "--data", data.toString(), in.toString());
        assertThat(run.out()).isEqualTo("imported 5, duplicates 0, failed 0\n");
    }

    @Test
    void printsTheDoseOfAStudyWithEventsTheirImagesAndTheEventsWithoutImages() {
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "study", S, "--data", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("report " + S + ".2.1  STANDING  TID 10001")
                .contains("events (4, 1 without image)")
                .containsPattern("2024-03-15T10:12:01 +" + S.replace(".", "\\.") + "\\.9\\.3 +Stationary Acquisition"
                        + " +80 +- +3\\.0E-4 .* " + S.replace(".", "\\.") + "\\.1\\.3 TIME_WINDOW")
                .containsPattern(S.replace(".", "\\.") + "\\.9\\.4 .*\\(no image\\)")
                .contains("images without event: " + S + ".1.5")
                .contains("summary: DAP 0.001 Gy·m², RP air kerma - Gy");
    }

    @Test
    void printsTheStudyAsTheJsonOfTheRestApi() throws Exception {
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "study", S, "--data", data.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(run.out());
        assertThat(d.get("events")).hasSize(4);
        assertThat(d.get("eventsWithoutImages").get(0).asText()).isEqualTo(DoseStudies.event(S, 4));
        assertThat(d.get("summary").get("eventCount").asInt()).isEqualTo(4);
    }

    @Test
    void answersAnImageByUidFromTheRegistry() {
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "image", S + ".1.3", "--data", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("image " + S + ".1.3: event " + DoseStudies.event(S, 3)
                + " (TIME_WINDOW, +0.400 s), Stationary Acquisition, started 2024-03-15T10:12:01, 80 kV, - mA, - s,"
                + " DAP 3.0E-4 Gy·m²");
    }

    @Test
    void printsAPatientsStudiesWithTotalsAndRefusesAnUnknownOne() {
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "patient", "P1", "--data", data.toString(),
                "--from", "2024-01-01");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2024-03-15  " + S + "  SR,XA").contains("totals (1 studies): DAP 0.001");
        CommandRun unknown = CommandRun.kerma(new Object[0], "dose", "patient", "nobody", "--data", data.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("patient nobody is not in the registry");
        CommandRun noRegistry = CommandRun.kerma(new Object[0], "dose", "study", S, "--data",
                dir.resolve("none").toString());
        assertThat(noRegistry.exitCode()).isEqualTo(1);
        assertThat(noRegistry.err()).contains("no registry in");
    }
}
