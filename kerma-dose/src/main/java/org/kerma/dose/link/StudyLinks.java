package org.kerma.dose.link;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link Linker} makes of one study's dose reports and images.
 *
 * @param reports            the reports that stand, in SOP Instance UID order: every report not contained in another
 * @param replacedBy         SOP Instance UID of each report that another contains (an earlier cumulative report, a
 *                           duplicate) → the SOP Instance UID of the report that replaces it
 * @param reportInstances    every report SOP Instance UID seen for the study, sorted
 * @param events             the study's events, one per Irradiation Event UID, in UID order
 * @param links              the links, ordered by image SOP Instance UID then event UID
 * @param ties               images linked by time window with more than one nearest event
 * @param eventsWithoutImage Irradiation Event UIDs no image was linked to (e.g. fluoroscopy that left no image),
 *                           sorted
 * @param eventSources       Irradiation Event UID of each event → SOP Instance UID of the standing report it is taken
 *                           from (the one with more events when two standing reports share it)
 */
public record StudyLinks(List<ReportEvents> reports, Map<String, String> replacedBy, Set<String> reportInstances,
        List<DoseEvent> events, List<Link> links, List<Tie> ties, Set<String> eventsWithoutImage,
        Map<String, String> eventSources) {
    public StudyLinks {
        eventSources = Map.copyOf(eventSources);
        reports = List.copyOf(reports);
        replacedBy = Map.copyOf(replacedBy);
        reportInstances = Set.copyOf(reportInstances);
        events = List.copyOf(events);
        links = List.copyOf(links);
        ties = List.copyOf(ties);
        eventsWithoutImage = Set.copyOf(eventsWithoutImage);
    }

    /** The links of one image. */
    public List<Link> linksOf(String sopInstanceUid) {
        return links.stream().filter(l -> l.sopInstanceUid().equals(sopInstanceUid)).toList();
    }
}
