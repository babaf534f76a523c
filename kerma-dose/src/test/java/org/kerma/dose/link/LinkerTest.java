package org.kerma.dose.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dose.DoseReport;
import org.kerma.dose.SharedCorpus;
import org.kerma.dose.rdsr.RdsrReader;
import org.kerma.dose.technique.Device;
import org.kerma.dose.technique.ImageTechnique;

/** The linker's rules one by one, and report identity on the Siemens multi-report studies of the corpus. */
class LinkerTest {
    static final String STUDY = "1.2.3";
    static final LocalDateTime T0 = LocalDateTime.of(2026, 5, 1, 10, 0, 0);
    static final Device ANGIO = Images.device("Acme", "S1");

    static ReportEvents report(String sop, DoseEvent... events) {
        return new ReportEvents(STUDY, sop, ANGIO, List.of(events));
    }

    static DoseEvent event(String uid, LocalDateTime start, String... references) {
        return new DoseEvent(uid, Optional.ofNullable(start), Set.of(references));
    }

    static ImageTechnique image(String sop, LocalDateTime acquired) {
        return Images.image(STUDY, sop, ANGIO, acquired, Optional.empty());
    }

    @Test
    void equallyNearEventsGiveOneLinkAndARecordedTie() {
        StudyLinks links = new Linker().link(STUDY,
                List.of(report("9.1", event("7.2", T0.plusSeconds(1)), event("7.1", T0.minusSeconds(1)))),
                List.of(image("5.1", T0)));
        assertThat(links.links()).singleElement().satisfies(l -> {
            assertThat(l.eventUid()).isEqualTo("7.1");
            assertThat(l.method()).isEqualTo(Link.Method.TIME_WINDOW);
            assertThat(l.timeDifference()).contains(Duration.ofSeconds(1));
        });
        assertThat(links.ties()).containsExactly(new Tie("5.1", List.of("7.1", "7.2"), Duration.ofSeconds(1)));
    }

    @Test
    void theTimeWindowIsConfigurable() {
        List<ReportEvents> reports = List.of(report("9.1", event("7.1", T0)));
        List<ImageTechnique> images = List.of(image("5.1", T0.plusNanos(1_500_000_000L)));
        assertThat(new Linker().link(STUDY, reports, images).links()).isEmpty();
        assertThat(new Linker(Duration.ofSeconds(2)).link(STUDY, reports, images).links())
                .extracting(Link::eventUid, Link::timeDifference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("7.1", Optional.of(Duration.ofMillis(1500))));
        assertThatThrownBy(() -> new Linker(Duration.ofSeconds(-1))).hasMessageContaining("negative");
    }

    @Test
    void anImageOfAnotherDeviceOrNamingAnUnknownEventIsNotLinkedByTime() {
        ImageTechnique otherDevice = Images.image(STUDY, "5.1", Images.device("Acme", "S2"), T0, Optional.empty());
        ImageTechnique unknownEvent = Images.image(STUDY, "5.2", ANGIO, T0, Optional.of("7.9"));
        StudyLinks links = new Linker().link(STUDY, List.of(report("9.1", event("7.1", T0))),
                List.of(otherDevice, unknownEvent));
        assertThat(links.links()).isEmpty();
        assertThat(links.eventsWithoutImage()).containsExactly("7.1");
    }

    @Test
    void eventUidIsTrustedBeforeReferenceAndReferenceBeforeTime() {
        ImageTechnique named = Images.image(STUDY, "5.1", ANGIO, T0, Optional.of("7.2"));
        ImageTechnique referenced = image("5.2", T0);
        StudyLinks links = new Linker().link(STUDY,
                List.of(report("9.1", event("7.1", T0, "5.1"), event("7.2", T0.plusSeconds(30)),
                        event("7.3", T0.plusSeconds(60), "5.2"))),
                List.of(named, referenced));
        assertThat(links.links()).extracting(Link::sopInstanceUid, Link::eventUid, Link::method).containsExactly(
                org.assertj.core.groups.Tuple.tuple("5.1", "7.2", Link.Method.EVENT_UID),
                org.assertj.core.groups.Tuple.tuple("5.2", "7.3", Link.Method.SR_REFERENCE));
        assertThat(links.linksOf("5.2").get(0).timeDifference()).contains(Duration.ofSeconds(-60));
    }

    @Test
    void anEnhancedImageIsLinkedToEveryEventItsFramesName() {
        ImageTechnique cine = org.kerma.dose.technique.TechniqueReader
                .read(org.kerma.dose.technique.TechniqueReaderTest.enhancedXa());
        StudyLinks links = new Linker().link(STUDY, List.of(report("9.1", event("1.9.1", null),
                event("1.9.2", null), event("1.9.3", null))), List.of(cine));
        assertThat(links.links()).extracting(Link::eventUid).containsExactly("1.9.1", "1.9.2");
        assertThat(links.eventsWithoutImage()).containsExactly("1.9.3");
    }

    static ReportEvents corpusReport(String name) {
        DicomObject sr = SharedCorpus.read(name);
        return ReportEvents.of(RdsrReader.read(sr), sr);
    }

    @Test
    void siemensCumulativeReportsOfOneStudyLeaveOnlyTheLastStanding() {
        ReportEvents one = corpusReport("CT-RDSR-Siemens-Multi-1.dcm");
        ReportEvents two = corpusReport("CT-RDSR-Siemens-Multi-2.dcm");
        ReportEvents three = corpusReport("CT-RDSR-Siemens-Multi-3.dcm");
        assertThat(one.eventUids()).hasSize(1);
        assertThat(three.eventUids()).hasSize(3).containsAll(two.eventUids()).containsAll(one.eventUids());
        assertThat(three.device().manufacturer())
                .hasValueSatisfying(m -> assertThat(m).containsIgnoringCase("siemens"));
        for (List<ReportEvents> order : List.of(List.of(one, two, three), List.of(three, one, two))) {
            StudyLinks links = new Linker().link(one.studyInstanceUid(), order, List.of());
            assertThat(links.reports()).containsExactly(three);
            assertThat(links.replacedBy()).containsOnlyKeys(one.sopInstanceUid(), two.sopInstanceUid())
                    .containsValue(three.sopInstanceUid());
            assertThat(links.reportInstances()).hasSize(3);
            assertThat(links.events()).hasSize(3);
        }
    }

    @Test
    void siemensContinuedStudyAddsTheDisjointReport() {
        ReportEvents first = corpusReport("CT-RDSR-Siemens-Continued-1.dcm");
        ReportEvents second = corpusReport("CT-RDSR-Siemens-Continued-2.dcm");
        assertThat(first.studyInstanceUid()).isEqualTo(second.studyInstanceUid());
        assertThat(first.eventUids()).doesNotContainAnyElementsOf(second.eventUids());
        StudyLinks links = new Linker().link(first.studyInstanceUid(), List.of(second, first), List.of());
        assertThat(links.reports()).containsExactlyInAnyOrder(first, second);
        assertThat(links.replacedBy()).isEmpty();
        assertThat(links.events()).hasSize(first.events().size() + second.events().size());
    }

    @Test
    void imageReferencesInsideAnEventContainerAreRead() {
        DicomObject sr = SharedCorpus.read("RF-RDSR-Siemens_Zee-FFS.dcm");
        DoseReport report = RdsrReader.read(sr);
        String path = report.events().get(1).path();
        DicomObject container = sr;
        String[] positions = path.split("\\.");
        for (int i = 1; i < positions.length; i++) {
            container = container.items(Tag.ContentSequence).get(Integer.parseInt(positions[i]) - 1);
        }
        DicomObject image = container.findSequence(Tag.ContentSequence).orElseThrow().addItem();
        image.setString(Tag.RelationshipType, "CONTAINS");
        image.setString(Tag.ValueType, "IMAGE");
        new Code("113795", "DCM", "Acquired Image").writeTo(image.newSequence(Tag.ConceptNameCodeSequence).addItem());
        DicomObject ref = image.newSequence(Tag.ReferencedSOPSequence).addItem();
        ref.setString(Tag.ReferencedSOPClassUID, "1.2.840.10008.5.1.4.1.1.12.1");
        ref.setString(Tag.ReferencedSOPInstanceUID, "1.2.3.4.5.6");

        ReportEvents events = ReportEvents.of(RdsrReader.read(sr), sr);
        assertThat(events.events()).hasSize(report.events().size());
        assertThat(events.events().get(1).referencedInstances()).containsExactly("1.2.3.4.5.6");
        assertThat(events.events().get(0).referencedInstances()).isEmpty();
        assertThat(events.events().get(1).start()).isEqualTo(report.events().get(1).dateTimeStarted());
        assertThat(events.device().deviceUid()).isEqualTo(report.observer().deviceObserverUid());
    }

    @Test
    void arrivalsOfAnotherStudyAreRefused() {
        StudyArrivals study = StudyArrivals.of(STUDY, new Linker());
        assertThatThrownBy(() -> study.with(Images.image("9.9", "5.1", ANGIO, T0, Optional.empty())))
                .hasMessageContaining("belongs to study 9.9");
    }
}
