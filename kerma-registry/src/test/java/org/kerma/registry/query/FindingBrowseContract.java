package org.kerma.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.index.Findings.Finding;
import org.kerma.registry.index.Findings.Severity;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.index.ObjectClass;
import org.kerma.registry.ingest.Extractor;
import org.kerma.registry.ingest.Origin;
import org.kerma.registry.validation.ValidationExtractor;

/** The findings API's queries, run on each database by a subclass. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the tests only read: one index per class
abstract class FindingBrowseContract {
    static final String R = TestObjects.ROOT + "9.";

    /** Findings fixed per SOP Instance UID, so that counts are known exactly. */
    static final Map<String, List<Finding>> FIXED = Map.of(
            R + "1.1.1", List.of(Finding.of(Severity.ERROR, "e1"), new Finding(Severity.WARNING, "w1", "m", "(0008,0060)")),
            R + "1.2.1", List.of(Finding.of(Severity.ERROR, "e2")),
            R + "3.1.1", List.of(Finding.of(Severity.INFO, "i1")));

    Path data;
    Registry registry;
    FindingBrowse findings;

    abstract String freshDatabaseUrl() throws Exception;

    void releaseDatabase() throws Exception {
    }

    @BeforeAll
    void fill(@TempDir Path directory) throws Exception {
        data = directory;
        RegistryConfig config = RegistryConfig.defaults().withDataDirectory(data).withDatabaseUrl(freshDatabaseUrl());
        registry = Registry.open(config, List.of(new Fixed(),
                ValidationExtractor.standard(config.archiveDirectory())));
        findings = new FindingBrowse(registry.index());
        store(TestObjects.ctImage("P1", "A^B", R + "1", R + "1.1", R + "1.1.1"));
        store(TestObjects.ctImage("P1", "A^B", R + "1", R + "1.1", R + "1.1.2"));
        store(TestObjects.doseReport("P1", R + "1", R + "1.2", R + "1.2.1"));
        DicomObject other = TestObjects.ctImage("P2", "C^D", R + "3", R + "3.1", R + "3.1.1");
        store(other.setString(Tag.StudyDate, "20230101").setString(Tag.Modality, "DX"));
    }

    @AfterAll
    void close() throws Exception {
        registry.close();
        releaseDatabase();
    }

    private void store(DicomObject ds) throws Exception {
        registry.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(ds)), Origin.file("t"));
    }

    private static FindingFilter filter(Severity severity, String source, String modality, String from, String to,
                                        int offset, int limit) {
        return new FindingFilter(severity, source, modality, from, to, offset, limit);
    }

    @Test
    void listsAnInstancesFindingsFromEverySourceInOrder() {
        FindingBrowse.InstanceFindings f = findings.ofInstance(R + "1.1.1").orElseThrow();
        assertThat(f.modality()).isEqualTo("CT");
        assertThat(f.seriesInstanceUid()).isEqualTo(R + "1.1");
        List<FindingBrowse.Item> fixed = f.findings().stream().filter(i -> i.source().equals("fixed")).toList();
        assertThat(fixed).extracting(FindingBrowse.Item::severity, FindingBrowse.Item::message,
                FindingBrowse.Item::module, FindingBrowse.Item::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "e1", "", ""),
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "w1", "m", "(0008,0060)"));
        assertThat(f.findings()).anyMatch(i -> i.source().equals(ValidationExtractor.NAME)
                && i.message().startsWith("MISSING_TYPE_1: FrameOfReferenceUID"));
        assertThat(findings.ofInstance(R + "404")).isEmpty();
    }

    @Test
    void listsAStudysFindingsPerInstance() {
        List<FindingBrowse.InstanceFindings> study = findings.ofStudy(R + "1").orElseThrow();
        assertThat(study).extracting(FindingBrowse.InstanceFindings::sopInstanceUid)
                .containsExactly(R + "1.1.1", R + "1.1.2", R + "1.2.1");
        assertThat(study.get(2).modality()).isEqualTo("SR");
        assertThat(study.get(2).findings()).anyMatch(i -> i.message().equals("e2"));
        assertThat(study.get(1).findings()).noneMatch(i -> i.source().equals("fixed"));
        assertThat(findings.ofStudy(R + "404")).isEmpty();
    }

    @Test
    void filtersBySeverityAndSourceAndCountsPerSourceAndSeverity() {
        FindingBrowse.Page errors = findings.list(filter(Severity.ERROR, "fixed", null, null, null, 0, 50));
        assertThat(errors.total()).isEqualTo(2);
        assertThat(errors.items()).extracting(l -> l.finding().message()).containsExactly("e2", "e1");
        assertThat(errors.counts()).containsExactly(new FindingBrowse.Count("fixed", Severity.ERROR, 2));

        FindingBrowse.Page all = findings.list(FindingFilter.all());
        assertThat(all.counts()).contains(new FindingBrowse.Count("fixed", Severity.ERROR, 2),
                new FindingBrowse.Count("fixed", Severity.INFO, 1), new FindingBrowse.Count("fixed", Severity.WARNING, 1));
        assertThat(all.counts()).anyMatch(c -> c.source().equals("validation") && c.severity() == Severity.ERROR
                && c.count() > 4);
        assertThat(all.total()).isEqualTo(all.counts().stream().mapToLong(FindingBrowse.Count::count).sum());
    }

    @Test
    void filtersByModalityAndStudyDate() {
        FindingBrowse.Page dx = findings.list(filter(null, "fixed", "DX", null, null, 0, 50));
        assertThat(dx.items()).extracting(l -> l.finding().message()).containsExactly("i1");
        assertThat(dx.items().get(0).studyDate()).isEqualTo("20230101");
        assertThat(dx.items().get(0).studyInstanceUid()).isEqualTo(R + "3");
        FindingBrowse.Page y2024 = findings.list(filter(null, "fixed", null, "20240101", "20241231", 0, 50));
        assertThat(y2024.items()).extracting(l -> l.finding().message()).containsExactlyInAnyOrder("e1", "w1", "e2");
        assertThat(findings.list(filter(null, null, "MR", null, null, 0, 50)).total()).isZero();
    }

    @Test
    void pagesNewestFirst() {
        FindingBrowse.Page first = findings.list(filter(null, "fixed", null, null, null, 0, 3));
        FindingBrowse.Page second = findings.list(filter(null, "fixed", null, null, null, 3, 3));
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).extracting(l -> l.finding().message()).containsExactly("i1", "e2", "w1");
        assertThat(second.items()).extracting(l -> l.finding().message()).containsExactly("e1");
        assertThatThrownBy(() -> filter(null, null, null, "2024", null, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("YYYYMMDD");
        assertThatThrownBy(() -> FindingFilter.severity("fatal")).hasMessageContaining("ERROR, WARNING or INFO");
    }

    /** Returns {@link #FIXED}'s findings for each instance. */
    private static final class Fixed implements Extractor {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public Set<ObjectClass> classes() {
            return EnumSet.allOf(ObjectClass.class);
        }

        @Override
        public List<Finding> extract(IndexedInstance instance, DicomObject dataset, Connection c) {
            return FIXED.getOrDefault(instance.sopInstanceUid(), List.of());
        }
    }
}
