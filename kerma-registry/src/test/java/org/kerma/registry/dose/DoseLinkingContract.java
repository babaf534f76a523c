package org.kerma.registry.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.kerma.registry.dose.DoseStudies.event;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.dose.DoseAnswers.Event;
import org.kerma.registry.dose.DoseAnswers.LinkedImage;
import org.kerma.registry.dose.DoseAnswers.StudyDose;
import org.kerma.registry.dose.DoseStudies.Ev;
import org.kerma.registry.ingest.Origin;

/** The dose extractors and linking at ingest, run on each database by a subclass. */
abstract class DoseLinkingContract {
    static final String R = TestObjects.ROOT + "61.";

    @TempDir
    Path data;
    Registry registry;
    DoseQueries dose;

    abstract String freshDatabaseUrl() throws Exception;

    void releaseDatabase() throws Exception {
    }

    @BeforeEach
    void open() throws Exception {
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data).withDatabaseUrl(freshDatabaseUrl()));
        dose = new DoseQueries(registry.index());
    }

    @AfterEach
    void close() throws Exception {
        registry.close();
        releaseDatabase();
    }

    void store(DicomObject ds) throws Exception {
        registry.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(ds)), Origin.file("t"));
    }

    static void assertXaLinks(StudyDose d, String s) {
        assertThat(d.reports()).filteredOn(r -> r.status().equals("STANDING"))
                .extracting(DoseAnswers.Report::sopInstanceUid).containsExactly(s + ".2.1");
        assertThat(d.events()).extracting(Event::eventUid)
                .containsExactly(event(s, 1), event(s, 2), event(s, 3), event(s, 4));
        assertThat(d.events().get(0).images()).containsExactly(new LinkedImage(s + ".1.1", "EVENT_UID", 0.0));
        assertThat(d.events().get(1).images()).containsExactly(new LinkedImage(s + ".1.2", "EVENT_UID", 0.0));
        LinkedImage byTime = d.events().get(2).images().get(0);
        assertThat(byTime.sopInstanceUid()).isEqualTo(s + ".1.3");
        assertThat(byTime.method()).isEqualTo("TIME_WINDOW");
        assertThat(byTime.timeDifferenceS()).isCloseTo(0.4, within(1e-9));
        assertThat(d.eventsWithoutImages()).containsExactly(event(s, 4));
        assertThat(d.imagesWithoutEvent()).containsExactly(s + ".1.5");
        assertThat(d.summary().dapGym2()).isCloseTo(0.001, within(1e-12));
        assertThat(d.summary().eventCount()).isEqualTo(4);
        assertThat(d.events().get(0).startedAt()).isEqualTo("2024-03-15T10:10:01");
        assertThat(d.events().get(0).type().code()).isEqualTo("113611");
        assertThat(d.events().get(0).kvpKv()).isEqualTo(80.0);
    }

    @Test
    void linksTheSameWhateverTheArrivalOrder() throws Exception {
        List<DicomObject> forward = DoseStudies.xaStudy(R + "1");
        forward.forEach(this::storeUnchecked);
        assertXaLinks(dose.study(R + "1").orElseThrow(), R + "1");

        List<DicomObject> reportFirst = DoseStudies.xaStudy(R + "2");
        Collections.reverse(reportFirst);
        reportFirst.forEach(this::storeUnchecked);
        assertXaLinks(dose.study(R + "2").orElseThrow(), R + "2");

        for (long seed = 1; seed <= 3; seed++) {
            String s = R + (10 + seed);
            List<DicomObject> shuffled = DoseStudies.xaStudy(s);
            Collections.shuffle(shuffled, new Random(seed));
            shuffled.forEach(this::storeUnchecked);
            assertXaLinks(dose.study(s).orElseThrow(), s);
        }
    }

    @Test
    void aCumulativeReportReplacesTheEarlierOneItContains() throws Exception {
        String s = R + "3";
        List<DicomObject> full = DoseStudies.xaStudy(s);
        store(DoseStudies.report("P1", s, s + ".2.0", List.of(
                new Ev(event(s, 1), "2024-03-15T10:10:01", DoseStudies.STATIONARY, 0.0001),
                new Ev(event(s, 2), "2024-03-15T10:11:01", DoseStudies.STATIONARY, 0.0002))));
        StudyDose early = dose.study(s).orElseThrow();
        assertThat(early.summary().eventCount()).isEqualTo(2);
        assertThat(early.summary().dapGym2()).isCloseTo(0.0003, within(1e-12));
        full.forEach(this::storeUnchecked);
        StudyDose d = dose.study(s).orElseThrow();
        assertThat(d.reports()).extracting(DoseAnswers.Report::sopInstanceUid, DoseAnswers.Report::status,
                DoseAnswers.Report::replacedBy).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(s + ".2.0", "REPLACED", s + ".2.1"),
                        org.assertj.core.groups.Tuple.tuple(s + ".2.1", "STANDING", null));
        assertThat(d.accumulated()).hasSize(1);
        assertThat(d.events()).extracting(Event::reportSopInstanceUid).containsOnly(s + ".2.1");
        assertXaLinks(d, s);
    }

    @Test
    void anImageOnlyStudyHasOneEventPerImage() throws Exception {
        String s = R + "4";
        store(DoseStudies.dxImage("P2", s, s + ".1.1", s + ".9.1", "1.5"));
        store(DoseStudies.dxImage("P2", s, s + ".1.2", s + ".9.2", "2.5"));
        store(DoseStudies.dxImage("P2", s, s + ".1.3", null, "3.0"));
        StudyDose d = dose.study(s).orElseThrow();
        assertThat(d.events()).hasSize(3);
        assertThat(d.accumulated()).extracting(DoseAnswers.Accumulated::source).containsExactly("IMAGES");
        assertThat(d.summary().dapGym2()).isCloseTo(7.0e-5, within(1e-12)); // 7 dGy·cm²
        assertThat(d.summary().eventCount()).isEqualTo(3);
        DoseAnswers.InstanceDose image = dose.instance(s + ".1.2").orElseThrow();
        assertThat(image.technique().dapGym2()).isCloseTo(2.5e-5, within(1e-12));
        assertThat(image.events()).extracting(e -> e.event().eventUid()).containsExactly(s + ".9.2");
        assertThat(image.events().get(0).method()).isEqualTo(DoseQueries.IMAGE_HEADER);
    }

    @Test
    void answersForAnImageAndForItsReport() throws Exception {
        String s = R + "5";
        DoseStudies.xaStudy(s).forEach(this::storeUnchecked);
        DoseAnswers.InstanceDose image = dose.instance(s + ".1.3").orElseThrow();
        assertThat(image.studyInstanceUid()).isEqualTo(s);
        assertThat(image.modality()).isEqualTo("XA");
        assertThat(image.technique().kvpKv()).isEqualTo(80.0);
        assertThat(image.technique().tubeCurrentMa()).isEqualTo(12.0);
        assertThat(image.technique().acquiredAt()).isEqualTo("2024-03-15T10:12:01.4");
        assertThat(image.events()).hasSize(1);
        assertThat(image.events().get(0).event().eventUid()).isEqualTo(event(s, 3));
        assertThat(image.events().get(0).method()).isEqualTo("TIME_WINDOW");
        assertThat(image.events().get(0).event().dapGym2()).isCloseTo(0.0003, within(1e-12));

        DoseAnswers.InstanceDose report = dose.instance(s + ".2.1").orElseThrow();
        assertThat(report.technique()).isNull();
        assertThat(report.events()).hasSize(4);
        assertThat(report.events().get(0).event().images()).extracting(LinkedImage::sopInstanceUid)
                .containsExactly(s + ".1.1");
        assertThat(dose.instance(s + ".404")).isEmpty();
        assertThat(dose.study(s + ".404")).isEmpty();

        DoseAnswers.PatientDose patient = dose.patient("P1", null, "20240101", "20241231").orElseThrow();
        assertThat(patient.studies()).extracting(DoseAnswers.PatientStudy::studyInstanceUid).containsExactly(s);
        assertThat(patient.studies().get(0).studyDate()).isEqualTo("2024-03-15");
        assertThat(patient.studies().get(0).modalities()).containsExactly("SR", "XA");
        assertThat(patient.totals().dapGym2()).isCloseTo(0.001, within(1e-12));
        assertThat(dose.patient("P1", null, "20250101", null).orElseThrow().studies()).isEmpty();
        assertThat(dose.patient("nobody", null, null, null)).isEmpty();
    }

    @Test
    void aReportBuiltFromImagesLinksToThemByItsReferences() throws Exception {
        for (boolean reportFirst : new boolean[] {false, true}) {
            String s = R + (reportFirst ? "41" : "40");
            Path dir = java.nio.file.Files.createDirectories(data.resolve("built-" + reportFirst));
            List<DicomObject> images = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                DicomObject image = DoseStudies.xaImage("P3", s, s + ".1." + i, null, "2024031510" + (10 + i) + "01");
                image.setString(org.kerma.dicom.Tag.BodyPartExamined, "CHEST");
                images.add(image);
                TestObjects.write(dir.resolve(i + ".dcm"), image);
            }
            DicomObject report = org.kerma.dose.build.RdsrBuilder.with(org.kerma.dose.build.VendorProfile
                    .named("standard")).uidRoot(TestObjects.ROOT + "81").build(org.kerma.dose.build.ImageDoseCollector
                    .collect(dir, new org.kerma.dose.build.UidGenerator(TestObjects.ROOT + "82")));
            if (reportFirst) {
                store(report);
            }
            for (DicomObject image : images) {
                store(image);
            }
            if (!reportFirst) {
                store(report);
            }
            StudyDose d = dose.study(s).orElseThrow();
            assertThat(d.events()).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(d.events().get(i).images()).extracting(LinkedImage::sopInstanceUid, LinkedImage::method)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(s + ".1." + (i + 1), "SR_REFERENCE"));
            }
            assertThat(d.eventsWithoutImages()).isEmpty();
            assertThat(d.imagesWithoutEvent()).isEmpty();
        }
    }

    @Test
    void reindexGivesTheSameLinks() throws Exception {
        String s = R + "6";
        DoseStudies.xaStudy(s).forEach(this::storeUnchecked);
        registry.reindex(n -> { });
        assertXaLinks(dose.study(s).orElseThrow(), s);
    }

    @Test
    void concurrentIngestOfOneStudyEndsWithAllLinks() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            for (int round = 0; round < 3; round++) {
                String s = R + (20 + round);
                List<Future<?>> done = new ArrayList<>();
                for (DicomObject o : DoseStudies.xaStudy(s)) {
                    done.add(pool.submit(() -> {
                        storeUnchecked(o);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                assertXaLinks(dose.study(s).orElseThrow(), s);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    void storeUnchecked(DicomObject ds) {
        try {
            store(ds);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
