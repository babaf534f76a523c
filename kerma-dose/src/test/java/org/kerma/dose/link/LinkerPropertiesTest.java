package org.kerma.dose.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.kerma.dose.technique.ImageTechnique;

/** Links on generated studies with known truth: precision and recall 100%, whatever the arrival order. */
class LinkerPropertiesTest {

    @Provide
    Arbitrary<StudyGenerator.Study> studies() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 40),
                Arbitraries.of(StudyGenerator.Layout.class), Arbitraries.of(0.0, 0.3, 1.0),
                Arbitraries.of(0.0, 0.5, 1.0)).as(StudyGenerator::generate);
    }

    static StudyLinks arrivedOneByOne(StudyGenerator.Study s) {
        StudyArrivals study = StudyArrivals.of(s.studyUid(), new Linker());
        for (Object o : s.arrivals()) {
            if (o instanceof ReportEvents r) {
                study = study.with(r);
            } else if (((ImageTechnique) o).studyInstanceUid().equals(s.studyUid())) {
                study = study.with((ImageTechnique) o);
            }
        }
        return study.links();
    }

    @Property(tries = 300)
    void everyTrueLinkIsFoundAndNoOther(@ForAll("studies") StudyGenerator.Study s) {
        StudyLinks links = arrivedOneByOne(s);
        Statistics.label("layout").collect(s.layout());
        s.trueMethod().values().stream().distinct().forEach(m -> Statistics.label("studies linking by").collect(m));
        Map<String, String> found = new TreeMap<>();
        for (Link l : links.links()) {
            assertThat(found.put(l.sopInstanceUid(), l.eventUid())).as("one event per image").isNull();
        }
        Set<Map.Entry<String, String>> correct = new HashSet<>(found.entrySet());
        correct.retainAll(s.trueEventOfImage().entrySet());
        double precision = found.isEmpty() ? 1 : (double) correct.size() / found.size();
        double recall = s.trueEventOfImage().isEmpty() ? 1 : (double) correct.size() / s.trueEventOfImage().size();
        assertThat(precision).as("precision").isEqualTo(1.0);
        assertThat(recall).as("recall").isEqualTo(1.0);
        assertThat(found).isEqualTo(s.trueEventOfImage());
    }

    @Property(tries = 300)
    void eachLinkIsFoundByTheMostTrustedMethodTheStudyAllows(@ForAll("studies") StudyGenerator.Study s) {
        Map<String, Link.Method> methods = new TreeMap<>();
        arrivedOneByOne(s).links().forEach(l -> methods.put(l.sopInstanceUid(), l.method()));
        assertThat(methods).isEqualTo(s.trueMethod());
    }

    @Property(tries = 200)
    void arrivalOrderDoesNotChangeTheResult(@ForAll("studies") StudyGenerator.Study s) {
        StudyLinks batch = new Linker().link(s.studyUid(), s.reports(), s.images());
        assertThat(arrivedOneByOne(s)).isEqualTo(batch);
    }

    @Property(tries = 200)
    void cumulativeReportsReplaceEarlierOnesAndDisjointOnesAdd(@ForAll("studies") StudyGenerator.Study s) {
        StudyLinks links = arrivedOneByOne(s);
        assertThat(links.reports()).extracting(ReportEvents::sopInstanceUid)
                .containsExactlyInAnyOrderElementsOf(s.standingReports());
        assertThat(links.reportInstances()).hasSize(s.reports().size());
        assertThat(links.replacedBy()).hasSize(s.reports().size() - s.standingReports().size());
        assertThat(links.events()).hasSize(s.reports().stream().flatMap(r -> r.eventUids().stream())
                .distinct().toList().size());
        assertThat(links.eventsWithoutImage()).isEqualTo(s.eventsWithoutImage());
        assertThat(links.ties()).isEmpty();
    }
}
