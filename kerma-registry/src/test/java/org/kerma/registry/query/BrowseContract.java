package org.kerma.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.index.ObjectClass;
import org.kerma.registry.ingest.Origin;

/** The REST API's queries, run on each database by a subclass. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the tests only read: one index per class
abstract class BrowseContract {
    static final String R = TestObjects.ROOT + "3.";

    Path data;
    Registry registry;
    Browse browse;

    abstract String freshDatabaseUrl() throws Exception;

    @BeforeAll
    void fill(@TempDir Path directory) throws Exception {
        data = directory;
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data).withDatabaseUrl(freshDatabaseUrl()));
        browse = new Browse(registry.index());
        store(TestObjects.ctImage("P1", "A^B", R + "1", R + "1.1", R + "1.1.1"));
        store(TestObjects.ctImage("P1", "A^B", R + "1", R + "1.1", R + "1.1.2"));
        store(TestObjects.doseReport("P1", R + "1", R + "1.2", R + "1.2.1").setString(Tag.StudyDate, "20240315"));
        DicomObject later = TestObjects.ctImage("P1", "A^B", R + "2", R + "2.1", R + "2.1.1");
        store(later.setString(Tag.StudyDate, "20240601").setString(Tag.AccessionNumber, "X2"));
        DicomObject other = TestObjects.ctImage("P2", "C^D", R + "3", R + "3.1", R + "3.1.1");
        store(other.setString(Tag.StudyDate, "20230101").setString(Tag.Modality, "DX"));
    }

    /** Gives back what {@link #freshDatabaseUrl} took, after the registry closed. */
    void releaseDatabase() throws Exception {
    }

    @AfterAll
    void close() throws Exception {
        registry.close();
        releaseDatabase();
    }

    private void store(DicomObject ds) throws Exception {
        registry.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(ds)), Origin.file("t"));
    }

    private Browse.Page<Browse.Study> studies(String patientId, String from, String to, String modality,
                                              String accession, int offset, int limit) {
        return browse.studies(new StudyFilter(patientId, from, to, modality, accession, offset, limit));
    }

    @Test
    void listsStudiesNewestFirstAndFiltersAndPages() {
        assertThat(studies(null, null, null, null, null, 0, 50).items())
                .extracting(Browse.Study::studyInstanceUid).containsExactly(R + "2", R + "1", R + "3");
        assertThat(studies("P1", "20240101", "20240331", null, null, 0, 50).items())
                .extracting(Browse.Study::studyInstanceUid).containsExactly(R + "1");
        assertThat(studies(null, null, null, "DX", null, 0, 50).items())
                .extracting(Browse.Study::studyInstanceUid).containsExactly(R + "3");
        assertThat(studies(null, null, null, null, "X2", 0, 50).items())
                .extracting(Browse.Study::studyInstanceUid).containsExactly(R + "2");
        Browse.Page<Browse.Study> page = studies(null, null, null, null, null, 2, 1);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(Browse.Study::studyInstanceUid).containsExactly(R + "3");
    }

    @Test
    void describesAStudyWithItsModalitiesSeriesAndInstances() {
        Browse.Study study = browse.study(R + "1").orElseThrow();

        assertThat(study.modalities()).containsExactly("CT", "SR");
        assertThat(study.series()).isEqualTo(2);
        assertThat(study.instances()).isEqualTo(3);
        assertThat(browse.series(R + "1")).extracting(Browse.Series::instances).containsExactly(2, 1);
        assertThat(browse.instances(R + "1", R + "1.2")).singleElement()
                .satisfies(i -> assertThat(i.objectClass()).isEqualTo(ObjectClass.DOSE_REPORT));
        assertThat(browse.instance(R + "1.1.2").orElseThrow().seriesInstanceUid()).isEqualTo(R + "1.1");
        assertThat(browse.study("1.2.3")).isEmpty();
        assertThat(browse.instanceCount()).isEqualTo(5);
    }

    @Test
    void refusesAMalformedDateOrPage() {
        assertThatThrownBy(() -> new StudyFilter(null, "2024-1-1", null, null, null, 0, 10))
                .hasMessage("a date must be YYYYMMDD, was '2024-1-1'");
        assertThatThrownBy(() -> new StudyFilter(null, null, null, null, null, -1, 10))
                .hasMessageContaining("offset must be at least 0");
    }
}
