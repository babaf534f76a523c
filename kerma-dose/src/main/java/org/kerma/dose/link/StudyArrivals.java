package org.kerma.dose.link;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.kerma.dose.technique.ImageTechnique;

/**
 * The dose reports and images of one study as they arrive, one object at a time, with the links of what has
 * arrived so far. Immutable: each arrival gives a new value. The links depend only on the set of objects, not on
 * their order (a report arriving after its images links them as well as one arriving before), and an object
 * whose SOP Instance UID has been seen is ignored.
 */
public final class StudyArrivals {
    private final String studyInstanceUid;
    private final Linker linker;
    private final Map<String, ReportEvents> reports;
    private final Map<String, ImageTechnique> images;

    private StudyArrivals(String studyInstanceUid, Linker linker, Map<String, ReportEvents> reports,
            Map<String, ImageTechnique> images) {
        this.studyInstanceUid = studyInstanceUid;
        this.linker = linker;
        this.reports = reports;
        this.images = images;
    }

    /** A study to which nothing has arrived yet. */
    public static StudyArrivals of(String studyInstanceUid, Linker linker) {
        return new StudyArrivals(Objects.requireNonNull(studyInstanceUid), Objects.requireNonNull(linker),
                Map.of(), Map.of());
    }

    /** This study with {@code report} arrived; a report of another study is refused. */
    public StudyArrivals with(ReportEvents report) {
        requireStudy(report.studyInstanceUid(), report.sopInstanceUid());
        Map<String, ReportEvents> next = new LinkedHashMap<>(reports);
        next.putIfAbsent(report.sopInstanceUid(), report);
        return new StudyArrivals(studyInstanceUid, linker, Map.copyOf(next), images);
    }

    /** This study with {@code image} arrived; an image of another study is refused. */
    public StudyArrivals with(ImageTechnique image) {
        requireStudy(image.studyInstanceUid(), image.sopInstanceUid());
        Map<String, ImageTechnique> next = new LinkedHashMap<>(images);
        next.putIfAbsent(image.sopInstanceUid(), image);
        return new StudyArrivals(studyInstanceUid, linker, reports, Map.copyOf(next));
    }

    /** The links of everything arrived so far. */
    public StudyLinks links() {
        return linker.link(studyInstanceUid, reports.values(), images.values());
    }

    private void requireStudy(String study, String sop) {
        if (!studyInstanceUid.equals(study)) {
            throw new IllegalArgumentException("object " + sop + " belongs to study " + study + ", not "
                    + studyInstanceUid);
        }
    }
}
