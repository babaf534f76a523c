package org.kerma.dose.link;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kerma.dose.technique.Device;
import org.kerma.dose.technique.ImageTechnique;

/**
 * Links the irradiation events of one study's dose reports to the images they produced. A pure function of the
 * sets given: the same reports and images give the same links whatever order they arrived in, so a registry
 * recomputes a study's links whenever an object of it arrives.
 *
 * <p><b>Report identity</b> (as OpenREM, {@code ../shared/reference/openrem.md} section 3): a report is identified by
 * (study, set of Irradiation Event UIDs). A report whose set is contained in another's is replaced by it (a
 * cumulative report that extends an earlier one; a duplicate with another SOP Instance UID, where the smallest SOP
 * Instance UID stands); reports with disjoint sets (a study re-opened) all stand. An event that two standing
 * reports share (partial overlap) is taken once, from the report with more events. Every report SOP Instance UID
 * seen is kept.
 *
 * <p><b>Links</b>, per image of the same study, by the first method that finds any, in order of trust:
 * <ol>
 *   <li>{@link Link.Method#EVENT_UID}: each event whose UID the image (or one of its frames) names;</li>
 *   <li>{@link Link.Method#SR_REFERENCE}: each event that references the image's SOP Instance UID;</li>
 *   <li>{@link Link.Method#TIME_WINDOW}: only for an image naming no event UID, the event whose start lies nearest
 *       its acquisition date-time, within the window, on the same device ({@link Device#sameAs}); one event at
 *       most, ties broken by event UID and recorded as a {@link Tie}.</li>
 * </ol>
 * An image that names an event UID no report has is not linked by time: its event is another one.
 */
public final class Linker {
    /** The default time window: ±1 s. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1);

    private final Duration window;

    /** A linker with the time window ±{@code window}. */
    public Linker(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("time window must not be negative: " + window);
        }
        this.window = window;
    }

    /** A linker with the default window of ±1 s. */
    public Linker() {
        this(DEFAULT_WINDOW);
    }

    /**
     * The links of the study {@code studyInstanceUid}; reports and images of other studies are ignored.
     */
    public StudyLinks link(String studyInstanceUid, Collection<ReportEvents> reports,
            Collection<ImageTechnique> images) {
        Map<String, ReportEvents> bySop = new TreeMap<>();
        for (ReportEvents r : reports) {
            if (r.studyInstanceUid().equals(studyInstanceUid)) {
                bySop.merge(r.sopInstanceUid(), r, (a, b) -> a);
            }
        }
        Map<String, String> replacedBy = new TreeMap<>();
        List<ReportEvents> standing = new ArrayList<>();
        Map<ReportEvents, Set<String>> uidSets = new java.util.IdentityHashMap<>();
        bySop.values().forEach(r -> uidSets.put(r, r.eventUids()));
        for (ReportEvents r : bySop.values()) {
            Optional<ReportEvents> container = containerOf(r, uidSets);
            if (container.isPresent()) {
                replacedBy.put(r.sopInstanceUid(), container.get().sopInstanceUid());
            } else {
                standing.add(r);
            }
        }
        Map<String, Source> events = eventsOf(standing);
        Index index = new Index(events);
        List<Link> links = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        Map<String, ImageTechnique> imagesBySop = new TreeMap<>();
        for (ImageTechnique i : images) {
            if (i.studyInstanceUid().equals(studyInstanceUid)) {
                imagesBySop.putIfAbsent(i.sopInstanceUid(), i);
            }
        }
        for (ImageTechnique image : imagesBySop.values()) {
            linkImage(image, events, index, links, ties);
        }
        Set<String> withoutImage = new TreeSet<>(events.keySet());
        links.forEach(l -> withoutImage.remove(l.eventUid()));
        links.sort(Comparator.comparing(Link::sopInstanceUid).thenComparing(Link::eventUid));
        Map<String, String> sources = new TreeMap<>();
        events.forEach((uid, source) -> sources.put(uid, source.report().sopInstanceUid()));
        return new StudyLinks(standing, replacedBy, bySop.keySet(),
                events.values().stream().map(Source::event).toList(), links, ties, withoutImage, sources);
    }

    private static Optional<ReportEvents> containerOf(ReportEvents r, Map<ReportEvents, Set<String>> uidSets) {
        Set<String> mine = uidSets.get(r);
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        ReportEvents best = null;
        for (Map.Entry<ReportEvents, Set<String>> candidate : uidSets.entrySet()) {
            ReportEvents other = candidate.getKey();
            Set<String> theirs = candidate.getValue();
            if (other == r || theirs.size() < mine.size() || !theirs.containsAll(mine)) {
                continue;
            }
            boolean strictlyLarger = theirs.size() > mine.size();
            boolean duplicateThatStands = !strictlyLarger
                    && other.sopInstanceUid().compareTo(r.sopInstanceUid()) < 0;
            if ((strictlyLarger || duplicateThatStands) && (best == null || isBetterSource(other, best))) {
                best = other;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isBetterSource(ReportEvents a, ReportEvents b) {
        int bySize = Integer.compare(a.events().size(), b.events().size());
        return bySize > 0 || bySize == 0 && a.sopInstanceUid().compareTo(b.sopInstanceUid()) < 0;
    }

    private record Source(DoseEvent event, ReportEvents report) {
    }

    private static Map<String, Source> eventsOf(List<ReportEvents> standing) {
        Map<String, Source> events = new TreeMap<>();
        for (ReportEvents r : standing) {
            for (DoseEvent e : r.events()) {
                events.merge(e.eventUid(), new Source(e, r),
                        (old, now) -> isBetterSource(now.report(), old.report()) ? now : old);
            }
        }
        return events;
    }

    /** The events by referenced image, and those with a start time in start order. */
    private static final class Index {
        final Map<String, List<Source>> byReference = new HashMap<>();
        final Source[] byStart;

        Index(Map<String, Source> events) {
            List<Source> timed = new ArrayList<>();
            for (Source s : events.values()) {
                for (String sop : s.event().referencedInstances()) {
                    byReference.computeIfAbsent(sop, k -> new ArrayList<>()).add(s);
                }
                if (s.event().start().isPresent()) {
                    timed.add(s);
                }
            }
            timed.sort(Comparator.comparing((Source s) -> s.event().start().get())
                    .thenComparing(s -> s.event().eventUid()));
            byStart = timed.toArray(Source[]::new);
        }

        /** The index of the first event starting at or after {@code t}. */
        int firstAtOrAfter(LocalDateTime t) {
            int lo = 0;
            int hi = byStart.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (byStart[mid].event().start().get().isBefore(t)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private void linkImage(ImageTechnique image, Map<String, Source> events, Index index, List<Link> links,
            List<Tie> ties) {
        Optional<LocalDateTime> acquired = image.acquisitionDateTime();
        Set<String> named = image.irradiationEventUids();
        boolean found = false;
        for (String uid : named) {
            Source s = events.get(uid);
            if (s != null) {
                links.add(link(s.event(), image, Link.Method.EVENT_UID, acquired));
                found = true;
            }
        }
        if (found) {
            return;
        }
        for (Source s : index.byReference.getOrDefault(image.sopInstanceUid(), List.of())) {
            links.add(link(s.event(), image, Link.Method.SR_REFERENCE, acquired));
            found = true;
        }
        if (found || !named.isEmpty() || acquired.isEmpty()) {
            return;
        }
        nearest(image, acquired.get(), index, links, ties);
    }

    private void nearest(ImageTechnique image, LocalDateTime acquired, Index index, List<Link> links,
            List<Tie> ties) {
        Duration best = null;
        List<DoseEvent> nearest = new ArrayList<>();
        LocalDateTime latest = acquired.plus(window);
        for (int i = index.firstAtOrAfter(acquired.minus(window)); i < index.byStart.length; i++) {
            Source s = index.byStart[i];
            if (s.event().start().get().isAfter(latest)) {
                break;
            }
            if (!s.report().device().sameAs(image.device())) {
                continue;
            }
            Duration distance = Duration.between(s.event().start().get(), acquired).abs();
            int c = best == null ? -1 : distance.compareTo(best);
            if (c < 0) {
                best = distance;
                nearest.clear();
            }
            if (c <= 0) {
                nearest.add(s.event());
            }
        }
        if (nearest.isEmpty()) {
            return;
        }
        nearest.sort(Comparator.comparing(DoseEvent::eventUid));
        links.add(link(nearest.get(0), image, Link.Method.TIME_WINDOW, Optional.of(acquired)));
        if (nearest.size() > 1) {
            ties.add(new Tie(image.sopInstanceUid(), nearest.stream().map(DoseEvent::eventUid).toList(), best));
        }
    }

    private static Link link(DoseEvent event, ImageTechnique image, Link.Method method,
            Optional<LocalDateTime> acquired) {
        Optional<Duration> difference = acquired.isPresent() && event.start().isPresent()
                ? Optional.of(Duration.between(event.start().get(), acquired.get())) : Optional.empty();
        return new Link(event.eventUid(), image.sopInstanceUid(), method, difference);
    }
}
