package org.kerma.dose.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dicom.sr.ContentTree;
import org.kerma.dicom.sr.ValueType;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.DoseReport;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.ObserverContext;
import org.kerma.dose.ReportHeader;
import org.kerma.dose.technique.Device;

/**
 * The linkable part of one dose report: its study, its SOP Instance UID, the device that observed the dose, and its
 * irradiation events. The report's identity is (study, set of event UIDs) (see {@link Linker}).
 *
 * @param studyInstanceUid Study Instance UID of the report
 * @param sopInstanceUid   SOP Instance UID of the report
 * @param device           Device Observer UID, manufacturer, model, serial and name (TID 1004), else the General
 *                         Equipment of the report
 * @param events           the events with an Irradiation Event UID, in document order
 */
public record ReportEvents(String studyInstanceUid, String sopInstanceUid, Device device, List<DoseEvent> events) {
    public ReportEvents {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(device, "device");
        events = List.copyOf(events);
    }

    /** The set of Irradiation Event UIDs of the report, sorted. */
    public Set<String> eventUids() {
        Set<String> uids = new TreeSet<>();
        events.forEach(e -> uids.add(e.eventUid()));
        return uids;
    }

    /**
     * The linkable part of {@code report}, read by {@code RdsrReader} from {@code document}; the document gives the
     * image references of each event (IMAGE items anywhere inside the event container). Events without an
     * Irradiation Event UID cannot be linked or identified and are left out.
     */
    public static ReportEvents of(DoseReport report, DicomObject document) {
        Map<String, Set<String>> referencesByPath = imageReferencesByEventPath(document, report);
        List<DoseEvent> events = new ArrayList<>();
        for (IrradiationEvent e : report.events()) {
            e.irradiationEventUid().ifPresent(uid -> events.add(new DoseEvent(uid, e.dateTimeStarted(),
                    referencesByPath.getOrDefault(e.path(), Set.of()))));
        }
        for (CtIrradiationEvent e : report.ctEvents()) {
            e.irradiationEventUid().ifPresent(uid -> events.add(new DoseEvent(uid, Optional.empty(),
                    referencesByPath.getOrDefault(e.path(), Set.of()))));
        }
        ReportHeader h = report.header();
        return new ReportEvents(h.studyInstanceUid(), h.sopInstanceUid(), device(report.observer(), h), events);
    }

    static Device device(ObserverContext o, ReportHeader h) {
        return new Device(o.manufacturer().or(() -> nonEmpty(h.manufacturer())),
                o.modelName().or(() -> nonEmpty(h.modelName())),
                o.serialNumber().or(() -> nonEmpty(h.deviceSerialNumber())),
                o.deviceName().or(() -> nonEmpty(h.stationName())), o.deviceObserverUid());
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static Map<String, Set<String>> imageReferencesByEventPath(DicomObject document, DoseReport report) {
        Set<String> eventPaths = new LinkedHashSet<>();
        report.events().forEach(e -> eventPaths.add(e.path()));
        report.ctEvents().forEach(e -> eventPaths.add(e.path()));
        Map<String, Set<String>> byPath = new HashMap<>();
        if (eventPaths.isEmpty()) {
            return byPath;
        }
        ContentTree.of(document).walk(item -> {
            if (item.valueType().orElse(null) != ValueType.IMAGE) {
                return;
            }
            String event = enclosingEvent(item, eventPaths);
            if (event != null) {
                item.reference().map(r -> r.sopInstanceUid()).filter(u -> !u.isEmpty())
                        .ifPresent(u -> byPath.computeIfAbsent(event, k -> new LinkedHashSet<>()).add(u));
            }
        });
        return byPath;
    }

    private static String enclosingEvent(ContentItem item, Set<String> eventPaths) {
        String path = item.path().toString();
        for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
            String ancestor = path.substring(0, dot);
            if (eventPaths.contains(ancestor)) {
                return ancestor;
            }
        }
        return null;
    }
}
