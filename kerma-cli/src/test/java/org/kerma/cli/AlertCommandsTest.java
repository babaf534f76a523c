package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kerma.registry.dose.DoseStudies.event;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.registry.TestObjects;
import org.kerma.registry.alert.AlertQueries;
import org.kerma.registry.alert.AlertQueries.AlertFilter;
import org.kerma.registry.dose.DoseStudies;
import org.kerma.registry.dose.DoseStudies.Ev;
import org.kerma.registry.index.IndexDatabase;

/** {@code kerma alerts} and {@code kerma reference-levels} on a registry filled by {@code kerma import}. */
class AlertCommandsTest {
    static final String S = TestObjects.ROOT + "69.1";

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void importAStudyAboveTheSrdl() throws Exception {
        Path in = dir.resolve("in");
        List<DicomObject> objects = List.of(
                DoseStudies.xaImage("P1", S, S + ".1.1", event(S, 1), "20240315101001"),
                DoseStudies.report("P1", S, S + ".2.1", List.of(
                        new Ev(event(S, 1), "2024-03-15T10:10:01", DoseStudies.STATIONARY, 0.06))));
        for (int i = 0; i < objects.size(); i++) {
            objects.get(i).setString(Tag.StudyDescription, "PCI");
            TestObjects.write(in.resolve(i + ".dcm"), objects.get(i));
        }
        data = dir.resolve("data");
        CommandRun run = CommandRun.kerma(new Object[0], "import", "--data", data.toString(), in.toString());
        assertThat(run.out()).isEqualTo("imported 2, duplicates 0, failed 0\n");
    }

    @Test
    void listsTheAlertsAndFiltersByState() throws Exception {
        CommandRun run = CommandRun.kerma(new Object[0], "alerts", "--data", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("1 alert(s)\n")
                .containsPattern("OPEN +2024-03-15  " + S.replace(".", "\\.") + "  sir-srdl-dap  DAP 0\\.06 > 0\\.05"
                        + " Gy·m²");
        try (IndexDatabase db = IndexDatabase.open("jdbc:sqlite:" + data.resolve("kerma.db"))) {
            AlertQueries q = new AlertQueries(db);
            q.acknowledge(q.alerts(AlertFilter.all()).alerts().get(0).id(), "rpo", "reviewed",
                    Instant.parse("2024-03-16T09:00:00Z"));
        }
        CommandRun open = CommandRun.kerma(new Object[0], "alerts", "--data", data.toString(), "--state", "open");
        assertThat(open.out()).isEqualTo("0 alert(s)\n");
        CommandRun acked = CommandRun.kerma(new Object[0], "alerts", "--data", data.toString(), "--state",
                "acknowledged");
        assertThat(acked.out()).contains("by rpo at 2024-03-16T09:00:00Z: reviewed");
        CommandRun bad = CommandRun.kerma(new Object[0], "alerts", "--data", data.toString(), "--state", "closed");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("state must be OPEN or ACKNOWLEDGED");
    }

    @Test
    void listsThePacksWithTheirSourcesAndTheDefaultRules() {
        CommandRun run = CommandRun.kerma(new Object[0], "reference-levels", "--data", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("uk-ct 2022 (UK, shipped)").contains("source: UKHSA")
                .containsPattern("Adult head, acute stroke +CT +DLP +790 mGy·cm")
                .containsPattern("PCI +XA +DAP +0\\.0085 Gy·m²")
                .contains("sir-srdl-dap  RF|XA DAP  > 0.05 Gy·m²  [default]");
    }
}
