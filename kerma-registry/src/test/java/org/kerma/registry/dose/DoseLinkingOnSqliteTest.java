package org.kerma.registry.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestDatabases;
import org.kerma.registry.TestObjects;
import org.kerma.registry.ingest.Origin;

class DoseLinkingOnSqliteTest extends DoseLinkingContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.sqlite(data);
    }

    @Test
    void theTimeWindowComesFromTheConfiguration() throws Exception {
        String s = R + "30";
        RegistryConfig narrow = RegistryConfig.defaults().withDataDirectory(data.resolve("narrow"))
                .withLinkWindow(Duration.ofMillis(300));
        try (Registry r = Registry.open(narrow)) {
            for (DicomObject o : DoseStudies.xaStudy(s)) {
                r.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(o)), Origin.file("t"));
            }
            DoseAnswers.StudyDose d = new DoseQueries(r.index()).study(s).orElseThrow();
            assertThat(d.eventsWithoutImages()).as("image 3 was acquired 0.4 s after event 3 started")
                    .containsExactly(DoseStudies.event(s, 3), DoseStudies.event(s, 4));
            assertThat(d.imagesWithoutEvent()).containsExactly(s + ".1.3", s + ".1.5");
        }
    }
}
