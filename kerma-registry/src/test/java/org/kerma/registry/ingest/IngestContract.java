package org.kerma.registry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.archive.Archive;
import org.kerma.registry.index.Duplicates;
import org.kerma.registry.index.Findings;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.index.ObjectClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest pipeline's behaviour, run on each index database by a subclass. */
abstract class IngestContract {
    static final String STUDY = TestObjects.ROOT + "1";
    static final String SERIES = TestObjects.ROOT + "1.1";
    static final String SOP = TestObjects.ROOT + "1.1.1";

    @TempDir
    Path data;
    private final List<Registry> opened = new ArrayList<>();

    /** The URL of an empty index database for one test. */
    abstract String freshDatabaseUrl() throws Exception;

    Registry open(DuplicatePolicy policy) throws Exception {
        return open(policy, List.of());
    }

    Registry open(DuplicatePolicy policy, List<Extractor> extractors) throws Exception {
        RegistryConfig config = RegistryConfig.defaults().withDataDirectory(data).withDatabaseUrl(freshDatabaseUrl())
                .withDuplicatePolicy(policy);
        Registry registry = Registry.open(config, extractors);
        opened.add(registry);
        return registry;
    }

    @AfterEach
    void closeRegistries() {
        opened.forEach(Registry::close);
    }

    static DicomObject ct(String sop) {
        return TestObjects.ctImage("PAT1", "Doe^Jane", STUDY, SERIES, sop);
    }

    static IngestOutcome importBytes(Registry registry, byte[] part10, String name) throws IngestException {
        return registry.ingest().storeFile(new ByteArrayInputStream(part10), Origin.file(name));
    }

    @Test
    void storesANewObjectUnderItsArchiveNameWithItsBytesAndIndexesItsHierarchy() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST);
        byte[] bytes = TestObjects.part10(ct(SOP));

        IngestOutcome outcome = importBytes(registry, bytes, "ct.dcm");

        assertThat(outcome.result()).isEqualTo(IngestOutcome.Result.STORED);
        assertThat(outcome.objectClass()).isEqualTo(ObjectClass.IMAGE);
        assertThat(outcome.file()).isEqualTo(registry.archive().pathOf(STUDY, SOP));
        assertThat(outcome.file().getFileName().toString()).isEqualTo(SOP + ".dcm");
        assertThat(Files.readAllBytes(outcome.file())).isEqualTo(bytes);
        assertThat(registry.archive().orphans()).isEmpty();
        IndexedInstance indexed = find(registry, SOP);
        assertThat(indexed.studyInstanceUid()).isEqualTo(STUDY);
        assertThat(indexed.seriesInstanceUid()).isEqualTo(SERIES);
        assertThat(indexed.sopClassUid()).isEqualTo(Uid.CTImageStorage);
        assertThat(indexed.fileSize()).isEqualTo(bytes.length);
        assertThat(indexed.transferSyntaxUid()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        assertThat(indexed.sha256()).isEqualTo(Archive.digest(new ByteArrayInputStream(bytes)));
        assertThat(count(registry, "SELECT count(*) FROM patient WHERE patient_id = 'PAT1'"
                + " AND patient_name_norm = 'DOE^JANE'")).isEqualTo(1);
        assertThat(count(registry, "SELECT count(*) FROM study WHERE study_date = '20240315'")).isEqualTo(1);
        assertThat(count(registry, "SELECT count(*) FROM series WHERE modality = 'CT' AND device_fk IS NOT NULL"))
                .isEqualTo(1);
        assertThat(count(registry, "SELECT count(*) FROM device WHERE station_name = 'CT01'")).isEqualTo(1);
    }

    @Test
    void countsAnIdenticalSecondCopyWithoutStoringItAgain() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST);
        byte[] bytes = TestObjects.part10(ct(SOP));
        importBytes(registry, bytes, "first.dcm");

        IngestOutcome second = importBytes(registry, bytes, "second.dcm");

        assertThat(second.result()).isEqualTo(IngestOutcome.Result.DUPLICATE_IDENTICAL);
        assertThat(duplicates(registry, SOP)).extracting(Duplicates.Duplicate::action)
                .containsExactly(Duplicates.Action.IDENTICAL);
        assertThat(count(registry, "SELECT duplicates_received FROM instance")).isEqualTo(1);
        assertThat(registry.archive().archivedFiles()).hasSize(1);
        assertThat(registry.archive().orphans()).isEmpty();
    }

    @Test
    void keepFirstDropsADifferentSecondCopyAndRecordsIt() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST);
        byte[] first = TestObjects.part10(ct(SOP));
        byte[] changed = TestObjects.part10(ct(SOP).setString(Tag.StudyDescription, "CT Chest, corrected"));
        importBytes(registry, first, "first.dcm");

        IngestOutcome second = importBytes(registry, changed, "changed.dcm");

        assertThat(second.result()).isEqualTo(IngestOutcome.Result.DUPLICATE_KEPT_FIRST);
        assertThat(Files.readAllBytes(registry.archive().pathOf(STUDY, SOP))).isEqualTo(first);
        assertThat(duplicates(registry, SOP)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(Duplicates.Action.KEPT_FIRST);
            assertThat(d.fileSize()).isEqualTo(changed.length);
            assertThat(d.filePath()).isNull();
        });
        assertThat(registry.archive().archivedFiles()).hasSize(1);
        assertThat(registry.archive().orphans()).isEmpty();
    }

    @Test
    void replacePutsADifferentSecondCopyInPlaceOfTheFirst() throws Exception {
        Registry registry = open(DuplicatePolicy.REPLACE);
        importBytes(registry, TestObjects.part10(ct(SOP)), "first.dcm");
        byte[] changed = TestObjects.part10(ct(SOP).setString(Tag.InstanceNumber, "30"));

        IngestOutcome second = importBytes(registry, changed, "changed.dcm");

        assertThat(second.result()).isEqualTo(IngestOutcome.Result.DUPLICATE_REPLACED);
        assertThat(Files.readAllBytes(registry.archive().pathOf(STUDY, SOP))).isEqualTo(changed);
        assertThat(find(registry, SOP).fileSize()).isEqualTo(changed.length);
        assertThat(count(registry, "SELECT count(*) FROM instance WHERE instance_number = '30'")).isEqualTo(1);
        assertThat(duplicates(registry, SOP)).extracting(Duplicates.Duplicate::action)
                .containsExactly(Duplicates.Action.REPLACED);
    }

    @Test
    void keepBothArchivesADifferentSecondCopyBesideTheFirst() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_BOTH);
        byte[] first = TestObjects.part10(ct(SOP));
        byte[] changed = TestObjects.part10(ct(SOP).setString(Tag.InstanceNumber, "30"));
        importBytes(registry, first, "first.dcm");

        IngestOutcome second = importBytes(registry, changed, "changed.dcm");

        assertThat(second.result()).isEqualTo(IngestOutcome.Result.DUPLICATE_KEPT_BOTH);
        Duplicates.Duplicate d = duplicates(registry, SOP).get(0);
        assertThat(d.action()).isEqualTo(Duplicates.Action.KEPT_BOTH);
        assertThat(Files.readAllBytes(registry.archive().resolve(d.filePath()))).isEqualTo(changed);
        assertThat(Files.readAllBytes(registry.archive().pathOf(STUDY, SOP))).isEqualTo(first);
        assertThat(find(registry, SOP).fileSize()).isEqualTo(first.length);
    }

    @Test
    void storesACStoreDataSetAsAPart10FileNamingTheSender() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST);
        DicomObject ct = ct(SOP);
        byte[] dataset = TestObjects.dataset(ct, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        StoreRequest request = new StoreRequest(Uid.CTImageStorage, SOP, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                "KERMA");

        IngestOutcome outcome = registry.ingest().storeDataset(new ByteArrayInputStream(dataset), request,
                Origin.association("CT01", "association 1 from CT01, message 1"));

        DicomFile file = DicomReader.read(outcome.file());
        assertThat(file.hasPreamble()).isTrue();
        assertThat(file.transferSyntax().uid()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
        assertThat(file.fileMeta().getString(Tag.MediaStorageSOPInstanceUID, "").trim()).isEqualTo(SOP);
        assertThat(file.fileMeta().getString(0x00020017, "").trim()).isEqualTo("CT01");
        assertThat(file.fileMeta().getString(0x00020018, "").trim()).isEqualTo("KERMA");
        assertThat(file.dataset()).isEqualTo(DicomReader.read(new ByteArrayInputStream(TestObjects.part10(ct)),
                "expected", org.kerma.dicom.io.ReadOptions.DEFAULT).dataset());
        assertThat(find(registry, SOP).senderAe()).isEqualTo("CT01");
    }

    @Test
    void storesADeflatedCStoreDataSetReadably() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST);
        DicomObject ct = ct(SOP);
        TransferSyntax deflated = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
        StoreRequest request = new StoreRequest(Uid.CTImageStorage, SOP, deflated, "KERMA");

        IngestOutcome outcome = registry.ingest().storeDataset(
                new ByteArrayInputStream(TestObjects.dataset(ct, deflated)), request, Origin.association("CT01", "a"));

        DicomFile file = DicomReader.read(outcome.file());
        assertThat(file.transferSyntax().uid()).isEqualTo(deflated.uid());
        assertThat(file.dataset().getString(Tag.PatientName, "")).isEqualTo("Doe^Jane");
    }

    @Test
    void refusesADataSetWhoseSopInstanceDiffersFromTheRequestAndKeepsNothing() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST);
        StoreRequest request = new StoreRequest(Uid.CTImageStorage, SOP + ".9",
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "KERMA");
        byte[] dataset = TestObjects.dataset(ct(SOP), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        assertThatThrownBy(() -> registry.ingest().storeDataset(new ByteArrayInputStream(dataset), request,
                Origin.association("CT01", "association 4 from CT01, message 9")))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IngestException.Reason.UID_MISMATCH);
                    assertThat(e.reason().status()).isEqualTo(0xA900);
                    assertThat(e.getMessage()).contains("association 4 from CT01, message 9").contains(SOP + ".9");
                });
        assertThat(registry.archive().archivedFiles()).isEmpty();
        assertThat(registry.archive().orphans()).isEmpty();
        assertThat(count(registry, "SELECT count(*) FROM instance")).isZero();
    }

    @Test
    void refusesBytesThatAreNotDicomNamingTheSourceAndKeepsNothing() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST);

        assertThatThrownBy(() -> importBytes(registry, "just some text, not DICOM".getBytes(), "notes.txt"))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IngestException.Reason.CANNOT_UNDERSTAND);
                    assertThat(e.getMessage()).startsWith("notes.txt: not a readable DICOM object");
                });
        assertThat(registry.archive().orphans()).isEmpty();
        assertThat(registry.archive().archivedFiles()).isEmpty();
    }

    @Test
    void refusesAnObjectWithoutStudyInstanceUid() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST);
        DicomObject ct = ct(SOP);
        ct.remove(Tag.StudyInstanceUID);

        assertThatThrownBy(() -> importBytes(registry, TestObjects.part10(ct), "nostudy.dcm"))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("nostudy.dcm: the data set has no Study Instance UID (0020,000D), which the index"
                                + " needs"));
        assertThat(registry.archive().orphans()).isEmpty();
    }

    @Test
    void refusesAnObjectWhoseIndexedAttributeHasTheWrongVrNamingIt() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST);
        DicomObject ct = ct(SOP);
        ct.put(Tag.PatientName, org.kerma.dicom.VR.OB, new byte[] {1, 2, 3, 4});

        assertThatThrownBy(() -> importBytes(registry, TestObjects.part10(ct), "odd.dcm"))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IngestException.Reason.CANNOT_UNDERSTAND);
                    assertThat(e.getMessage()).startsWith("odd.dcm: cannot index " + SOP + ": ")
                            .contains("(0010,0010)");
                });
        assertThat(registry.archive().orphans()).isEmpty();
        assertThat(registry.archive().archivedFiles()).isEmpty();
        assertThat(count(registry, "SELECT count(*) FROM patient")).isZero();
    }

    /** An extractor for tests: its name, its classes and what it does. */
    private static Extractor extractor(String name, Set<ObjectClass> classes, ExtractorBody body) {
        return new Extractor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<ObjectClass> classes() {
                return classes;
            }

            @Override
            public List<Findings.Finding> extract(IndexedInstance instance, DicomObject dataset, Connection c)
                    throws Exception {
                return body.extract(instance, dataset, c);
            }
        };
    }

    @FunctionalInterface
    private interface ExtractorBody {
        List<Findings.Finding> extract(IndexedInstance instance, DicomObject dataset, Connection c) throws Exception;
    }

    @Test
    void recordsAnExtractorFailureAsAFindingAndKeepsTheObject() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST, List.of(extractor("dose report",
                Set.of(ObjectClass.DOSE_REPORT), (instance, ds, c) -> {
                    // written, then rolled back with the failure below: only the failure's finding remains
                    Findings.record(c, instance.id(), "half done", List.of(Findings.Finding.of(
                            Findings.Severity.INFO, "written before the failure")), 0);
                    throw new IllegalStateException("content item 1.3 has no unit");
                })));
        String rdsr = TestObjects.ROOT + "2.1.1";

        IngestOutcome outcome = importBytes(registry, TestObjects.part10(
                TestObjects.doseReport("PAT1", STUDY, TestObjects.ROOT + "2.1", rdsr)), "rdsr.dcm");

        assertThat(outcome.result()).isEqualTo(IngestOutcome.Result.STORED);
        assertThat(outcome.objectClass()).isEqualTo(ObjectClass.DOSE_REPORT);
        assertThat(outcome.findings()).containsExactly(
                "dose report: IllegalStateException: content item 1.3 has no unit");
        long id = find(registry, rdsr).id();
        List<Findings.Recorded> findings = registry.index().read("findings", c -> Findings.of(c, id));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo("dose report");
            assertThat(f.severity()).isEqualTo(Findings.Severity.ERROR);
            assertThat(f.message()).isEqualTo("IllegalStateException: content item 1.3 has no unit");
        });
        assertThat(Files.exists(outcome.file())).isTrue();
    }

    @Test
    void recordsWhatAnExtractorFindsWithItsLocationAndReplacesItOnReindex() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST, List.of(extractor("validation", Set.of(ObjectClass.IMAGE),
                (instance, ds, c) -> List.of(
                        new Findings.Finding(Findings.Severity.WARNING, "Patient's Sex (0010,0040) is empty",
                                "Patient", "(0010,0040)"),
                        Findings.Finding.of(Findings.Severity.INFO, "no Irradiation Event UID")))));

        IngestOutcome outcome = importBytes(registry, TestObjects.part10(ct(SOP)), "ct.dcm");
        registry.reindex(done -> { });

        assertThat(outcome.findings()).containsExactly("validation: Patient's Sex (0010,0040) is empty",
                "validation: no Irradiation Event UID");
        long id = find(registry, SOP).id();
        List<Findings.Recorded> findings = registry.index().read("findings", c -> Findings.of(c, id));
        assertThat(findings).extracting(f -> f.source() + "|" + f.severity() + "|" + f.finding().module() + "|"
                + f.finding().location() + "|" + f.message()).containsExactly(
                "validation|WARNING|Patient|(0010,0040)|Patient's Sex (0010,0040) is empty",
                "validation|INFO|||no Irradiation Event UID");
    }

    @Test
    void leavesExtractionPendingWhenTheIndexGoesAwayAndCatchesUpLater() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean databaseDown = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        Registry registry = open(DuplicatePolicy.KEEP_FIRST, List.of(
                extractor("technique", Set.of(ObjectClass.IMAGE), (instance, ds, c) -> {
                    calls.add("technique");
                    if (databaseDown.get()) {
                        c.close(); // the database goes away under the extractor
                    }
                    return List.of(Findings.Finding.of(Findings.Severity.INFO, "read"));
                })));

        IngestOutcome outcome = importBytes(registry, TestObjects.part10(ct(SOP)), "ct.dcm");

        assertThat(outcome.result()).isEqualTo(IngestOutcome.Result.STORED);
        assertThat(Files.exists(outcome.file())).isTrue();
        assertThat(outcome.findings()).singleElement().asString()
                .startsWith("not extracted, the index is unavailable: cannot extract from " + SOP);
        assertThat(pending(registry)).containsExactly(SOP);
        assertThat(registry.ingest().extractPending()).isZero(); // still down: stays pending, no endless retry
        assertThat(pending(registry)).containsExactly(SOP);

        databaseDown.set(false);
        assertThat(registry.ingest().extractPending()).isEqualTo(1);

        assertThat(pending(registry)).isEmpty();
        long id = find(registry, SOP).id();
        List<Findings.Recorded> findings = registry.index().read("findings", c -> Findings.of(c, id));
        assertThat(findings).extracting(f -> f.source() + ": " + f.message()).containsExactly("technique: read");
    }

    private static List<String> pending(Registry registry) {
        List<IndexedInstance> pending = registry.index().read("pending",
                c -> Hierarchy.extractionPending(c, 0, 10));
        return pending.stream().map(IndexedInstance::sopInstanceUid).toList();
    }

    @Test
    void aFailingExtractorLosesOnlyItsOwnRows() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST, List.of(
                extractor("technique", Set.of(ObjectClass.IMAGE),
                        (instance, ds, c) -> List.of(Findings.Finding.of(Findings.Severity.INFO, "80 kV"))),
                extractor("broken", Set.of(ObjectClass.IMAGE), (instance, ds, c) -> {
                    Findings.record(c, instance.id(), "broken", List.of(Findings.Finding.of(
                            Findings.Severity.INFO, "written before the failure")), 0);
                    throw new IllegalArgumentException("no kVp unit");
                }),
                extractor("validation", Set.of(ObjectClass.IMAGE),
                        (instance, ds, c) -> List.of(Findings.Finding.of(Findings.Severity.WARNING, "no Sex")))));

        importBytes(registry, TestObjects.part10(ct(SOP)), "ct.dcm");

        long id = find(registry, SOP).id();
        List<Findings.Recorded> findings = registry.index().read("findings", c -> Findings.of(c, id));
        assertThat(findings).extracting(f -> f.source() + "|" + f.severity() + "|" + f.message()).containsExactly(
                        "technique|INFO|80 kV", "broken|ERROR|IllegalArgumentException: no kVp unit",
                        "validation|WARNING|no Sex");
        assertThat(pending(registry)).isEmpty();
    }

    @Test
    void handsEachClassToTheExtractorsThatReadIt() throws Exception {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        Registry registry = open(DuplicatePolicy.KEEP_FIRST, List.of(
                extractor("technique", Set.of(ObjectClass.IMAGE), (instance, ds, c) -> {
                    calls.add("image " + instance.sopInstanceUid());
                    return List.of();
                }),
                extractor("dose report", Set.of(ObjectClass.DOSE_REPORT), (instance, ds, c) -> {
                    calls.add("dose " + ds.getString(Tag.Modality, ""));
                    return List.of();
                }),
                extractor("validation", Set.of(ObjectClass.IMAGE, ObjectClass.DOSE_REPORT), (instance, ds, c) -> {
                    calls.add("validate " + ds.getString(Tag.Modality, ""));
                    return List.of();
                })));

        importBytes(registry, TestObjects.part10(ct(SOP)), "ct.dcm");
        importBytes(registry, TestObjects.part10(ct(SOP)), "again.dcm");
        importBytes(registry, TestObjects.part10(TestObjects.doseReport("PAT1", STUDY, SERIES + "9", SOP + "9")),
                "sr.dcm");

        assertThat(calls).containsExactly("image " + SOP, "validate CT", "dose SR", "validate SR");
    }

    @Test
    void removesUnfinishedTemporaryFilesWhenOpened() throws Exception {
        Path incoming = Files.createDirectories(data.resolve("archive").resolve("incoming"));
        Files.write(incoming.resolve("interrupted.part"), new byte[] {1, 2, 3});

        Registry registry = open(DuplicatePolicy.KEEP_FIRST);

        assertThat(registry.orphansRemovedAtOpen()).isEqualTo(1);
        assertThat(registry.archive().orphans()).isEmpty();
    }

    @Test
    void reindexRebuildsTheIndexFromTheArchivedFiles() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_BOTH);
        for (int i = 1; i <= 5; i++) {
            importBytes(registry, TestObjects.part10(ct(SOP + i)), "ct" + i + ".dcm");
        }
        importBytes(registry, TestObjects.part10(ct(SOP + 1).setString(Tag.InstanceNumber, "99")), "changed.dcm");
        registry.ingest().storeDataset(new ByteArrayInputStream(TestObjects.dataset(ct(SOP + 6),
                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)),
                new StoreRequest(Uid.CTImageStorage, SOP + 6, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "KERMA"),
                Origin.association("MODALITY", "a"));
        String before = snapshot(registry);
        AtomicInteger progress = new AtomicInteger();

        Registry.ReindexSummary summary = registry.reindex(progress::set);

        assertThat(summary.indexed()).isEqualTo(6);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.failures()).isEmpty();
        assertThat(progress.get()).isEqualTo(7);
        assertThat(snapshot(registry)).isEqualTo(before);
        assertThat(find(registry, SOP + 6).senderAe()).isEqualTo("MODALITY");
    }

    @Test
    void eightThreadsSendingOverlappingStudiesEndInAConsistentIndex() throws Exception {
        Registry registry = open(DuplicatePolicy.KEEP_FIRST);
        List<byte[]> objects = new ArrayList<>();
        for (int study = 0; study < 2; study++) {
            for (int series = 0; series < 4; series++) {
                for (int i = 0; i < 10; i++) {
                    String st = TestObjects.ROOT + "7." + study;
                    String se = st + "." + series;
                    objects.add(TestObjects.part10(TestObjects.ctImage("P" + study, "Pat^" + study, st, se,
                            se + "." + i)));
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<IngestOutcome>>> sends = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            List<byte[]> mine = new ArrayList<>(objects.subList(0, 60)); // overlapping: each sends 60 of 80
            mine.addAll(objects.subList(40 + (t % 2) * 20, 60 + (t % 2) * 20));
            Collections.shuffle(mine, new Random(t));
            sends.add(pool.submit(() -> {
                List<IngestOutcome> outcomes = new ArrayList<>();
                for (byte[] o : mine) {
                    outcomes.add(importBytes(registry, o, "thread"));
                }
                return outcomes;
            }));
        }
        int stored = 0;
        int identical = 0;
        for (Future<List<IngestOutcome>> f : sends) {
            for (IngestOutcome o : f.get()) {
                stored += o.result() == IngestOutcome.Result.STORED ? 1 : 0;
                identical += o.result() == IngestOutcome.Result.DUPLICATE_IDENTICAL ? 1 : 0;
            }
        }
        pool.shutdown();

        assertThat(stored).isEqualTo(80);
        assertThat(identical).isEqualTo(8 * 80 - 80);
        assertThat(count(registry, "SELECT count(*) FROM instance")).isEqualTo(80);
        assertThat(count(registry, "SELECT count(*) FROM series")).isEqualTo(8);
        assertThat(count(registry, "SELECT count(*) FROM study")).isEqualTo(2);
        assertThat(count(registry, "SELECT count(*) FROM patient")).isEqualTo(2);
        assertThat(count(registry, "SELECT count(*) FROM device")).isEqualTo(1);
        assertThat(count(registry, "SELECT count(*) FROM duplicate WHERE action = 'IDENTICAL'")).isEqualTo(560);
        assertThat(count(registry, "SELECT sum(duplicates_received) FROM instance")).isEqualTo(560);
        assertThat(registry.archive().archivedFiles()).hasSize(80);
        assertThat(registry.archive().orphans()).isEmpty();
    }

    @Test
    void eightThreadsReplacingOneInstanceLeaveTheIndexPointingAtTheBytesOnDisk() throws Exception {
        Registry registry = open(DuplicatePolicy.REPLACE);
        List<byte[]> versions = new ArrayList<>();
        for (int v = 0; v < 8; v++) {
            versions.add(TestObjects.part10(ct(SOP).setString(Tag.InstanceNumber, Integer.toString(100 + v))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<IngestOutcome>> sends = new ArrayList<>();
        for (byte[] version : versions) {
            sends.add(pool.submit(() -> importBytes(registry, version, "version")));
        }
        List<IngestOutcome.Result> results = new ArrayList<>();
        for (Future<IngestOutcome> f : sends) {
            results.add(f.get().result());
        }
        pool.shutdown();

        assertThat(results).filteredOn(r -> r == IngestOutcome.Result.STORED).hasSize(1);
        assertThat(results).filteredOn(r -> r == IngestOutcome.Result.DUPLICATE_REPLACED).hasSize(7);
        IndexedInstance indexed = find(registry, SOP);
        try (java.io.InputStream in = Files.newInputStream(registry.archive().resolve(indexed.filePath()))) {
            assertThat(Archive.digest(in)).isEqualTo(indexed.sha256());
        }
        assertThat(count(registry, "SELECT count(*) FROM instance")).isEqualTo(1);
        assertThat(count(registry, "SELECT count(*) FROM duplicate WHERE action = 'REPLACED'")).isEqualTo(7);
        assertThat(registry.archive().archivedFiles()).hasSize(1);
        assertThat(registry.archive().orphans()).isEmpty();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static IndexedInstance find(Registry registry, String sop) {
        return registry.index().read("find", c -> Hierarchy.find(c, sop)).orElseThrow();
    }

    static List<Duplicates.Duplicate> duplicates(Registry registry, String sop) {
        long id = find(registry, sop).id();
        return registry.index().read("duplicates", c -> Duplicates.of(c, id));
    }

    static long count(Registry registry, String sql) {
        return registry.index().read("count", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The index's content without its generated keys. */
    static String snapshot(Registry registry) {
        return registry.index().read("snapshot", c -> query(c, """
                SELECT p.patient_id, p.patient_name, st.study_instance_uid, st.study_date, se.series_instance_uid,
                       se.modality, i.sop_instance_uid, i.sop_class_uid, i.object_class, i.instance_number,
                       i.file_path, i.file_size, i.sha256, i.transfer_syntax_uid, i.sender_ae,
                       (SELECT count(*) FROM duplicate d WHERE d.instance_fk = i.id AND d.action = 'KEPT_BOTH')
                FROM instance i JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk
                JOIN patient p ON p.id = st.patient_fk ORDER BY i.sop_instance_uid"""));
    }

    private static String query(Connection c, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    out.append(rs.getString(i)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

}
