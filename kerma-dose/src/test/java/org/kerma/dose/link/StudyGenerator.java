package org.kerma.dose.link;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.kerma.dose.technique.Device;
import org.kerma.dose.technique.ImageTechnique;

/**
 * Makes a study of images and dose reports whose true event↔image links are known: events spaced 2 s to 60 s
 * apart (more than twice the largest clock skew, so that the nearest event is the true one), some fluoroscopy
 * events without images, images with or without their Irradiation Event UID, with or without a reference from the
 * report, acquired up to ±0.9 s from their event's start; distractors that must stay unlinked (images of another
 * device at an event's time, images naming an event no report has, images of another study); the events spread
 * over reports in one of the {@link Layout}s; and all objects in a shuffled arrival order.
 */
final class StudyGenerator {

    /** How the events are spread over dose reports. */
    enum Layout {
        /** One report with every event. */
        SINGLE,
        /** Report k holds the first n_k events (n_k growing): each report replaces the previous one. */
        CUMULATIVE,
        /** Consecutive parts of the events in separate reports (a study re-opened). */
        DISJOINT,
        /** The same report sent twice under two SOP Instance UIDs. */
        DUPLICATE
    }

    /** One generated study: the objects in arrival order and the truth. */
    record Study(String studyUid, Layout layout, List<Object> arrivals, List<ReportEvents> reports,
            List<ImageTechnique> images, Map<String, String> trueEventOfImage, Map<String, Link.Method> trueMethod,
            Set<String> eventsWithoutImage, Set<String> standingReports) {
    }

    private static final LocalDateTime BASE = LocalDateTime.of(2026, 3, 14, 8, 0);

    static Study generate(long seed, int eventCount, Layout layout, double uidShare, double referenceShare) {
        Random r = new Random(seed);
        String study = "1.2.826.0.1.3680043.10.1." + Long.toUnsignedString(seed);
        Device rdsrDevice = new Device(Optional.of("Acme Medical"), Optional.of("Angio 9"), Optional.of("S-41"),
                Optional.of("CATH1"), r.nextBoolean() ? Optional.of(study + ".99") : Optional.empty());
        Device imageDevice = Images.device("ACME MEDICAL", "S-41");
        Device otherDevice = Images.device("Acme Medical", "S-77");

        List<DoseEvent> events = new ArrayList<>();
        List<ImageTechnique> images = new ArrayList<>();
        Map<String, String> truth = new TreeMap<>();
        Map<String, Link.Method> method = new TreeMap<>();
        Map<String, Set<String>> references = new TreeMap<>();
        Set<String> withoutImage = new LinkedHashSet<>();
        LocalDateTime t = BASE;
        int sop = 0;
        for (int i = 0; i < eventCount; i++) {
            t = t.plusNanos((2_000 + r.nextInt(58_000)) * 1_000_000L);
            String uid = study + ".7." + i;
            Set<String> refs = new LinkedHashSet<>();
            references.put(uid, refs);
            boolean fluoroWithoutImage = r.nextDouble() < 0.3;
            if (fluoroWithoutImage) {
                withoutImage.add(uid);
            } else {
                int n = 1 + r.nextInt(3);
                for (int k = 0; k < n; k++) {
                    String image = study + ".5." + sop++;
                    boolean named = r.nextDouble() < uidShare;
                    boolean referenced = r.nextDouble() < referenceShare;
                    LocalDateTime acquired = t.plusNanos((r.nextInt(1_801) - 900) * 1_000_000L);
                    images.add(Images.image(study, image, imageDevice, acquired,
                            named ? Optional.of(uid) : Optional.empty()));
                    if (referenced) {
                        refs.add(image);
                    }
                    truth.put(image, uid);
                    method.put(image, named ? Link.Method.EVENT_UID
                            : referenced ? Link.Method.SR_REFERENCE : Link.Method.TIME_WINDOW);
                }
            }
            events.add(new DoseEvent(uid, Optional.of(t), Set.of()));
            if (r.nextDouble() < 0.1) {
                images.add(Images.image(study, study + ".6." + sop++, otherDevice,
                        t.plusNanos(r.nextInt(500) * 1_000_000L), Optional.empty()));
            }
            if (r.nextDouble() < 0.05) {
                images.add(Images.image(study, study + ".6." + sop++, imageDevice, t,
                        Optional.of(study + ".8." + i)));
            }
            if (r.nextDouble() < 0.05) {
                images.add(Images.image(study + ".2", study + ".6." + sop++, imageDevice, t, Optional.empty()));
            }
        }
        List<DoseEvent> withRefs = events.stream()
                .map(e -> new DoseEvent(e.eventUid(), e.start(), references.get(e.eventUid()))).toList();
        List<ReportEvents> reports = new ArrayList<>();
        Set<String> standing = new HashSet<>();
        switch (layout) {
            case SINGLE -> reports.add(report(study, 1, rdsrDevice, withRefs));
            case DUPLICATE -> {
                reports.add(report(study, 1, rdsrDevice, withRefs));
                reports.add(report(study, 2, rdsrDevice, withRefs));
            }
            case CUMULATIVE -> {
                int n = 0;
                int k = 1;
                while (n < withRefs.size()) {
                    n = Math.min(withRefs.size(), n + 1 + r.nextInt(3));
                    reports.add(report(study, k++, rdsrDevice, withRefs.subList(0, n)));
                }
            }
            case DISJOINT -> {
                int from = 0;
                int k = 1;
                while (from < withRefs.size()) {
                    int to = Math.min(withRefs.size(), from + 1 + r.nextInt(Math.max(1, withRefs.size() / 2)));
                    reports.add(report(study, k++, rdsrDevice, withRefs.subList(from, to)));
                    from = to;
                }
            }
        }
        switch (layout) {
            case SINGLE, DISJOINT -> reports.forEach(rep -> standing.add(rep.sopInstanceUid()));
            case DUPLICATE -> standing.add(reports.get(0).sopInstanceUid());
            case CUMULATIVE -> standing.add(reports.get(reports.size() - 1).sopInstanceUid());
        }
        List<Object> arrivals = new ArrayList<>(reports);
        arrivals.addAll(images);
        Collections.shuffle(arrivals, r);
        return new Study(study, layout, arrivals, reports, images, truth, method, withoutImage, standing);
    }

    private static ReportEvents report(String study, int k, Device device, List<DoseEvent> events) {
        return new ReportEvents(study, study + ".3." + String.format("%03d", k), device, events);
    }
}
