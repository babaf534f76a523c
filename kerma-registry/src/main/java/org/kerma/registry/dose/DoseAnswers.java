package org.kerma.registry.dose;

import java.util.List;

/**
 * The answers of the dose queries ({@link DoseQueries}), shaped as the REST API writes them (docs/dose.md, "REST"):
 * every quantity in the canonical unit its name ends with, null when absent (never 0).
 */
public final class DoseAnswers {
    private DoseAnswers() {
    }

    /** A coded concept: Code Value, Coding Scheme Designator, Code Meaning. */
    public record Coded(String code, String scheme, String meaning) {
    }

    /** A dose report of a study, standing or replaced by a cumulative report that contains its events. */
    public record Report(String sopInstanceUid, String status, String replacedBy, String template,
                         String deviceObserverUid, String manufacturer, String model) {
    }

    /** Accumulated dose of one report and plane (source REPORT), or of a study's images (source IMAGES). */
    public record Accumulated(Coded plane, Double dapGym2, Double rpAirKermaGy, Double fluoroDapGym2,
                              Double fluoroRpAirKermaGy, Double fluoroTimeS, Double acquisitionDapGym2,
                              Double acquisitionRpAirKermaGy, Double acquisitionTimeS, Double dlpTotalMGyCm,
                              Integer eventCount, String source) {
    }

    /** An image an event produced, and how the link was found. */
    public record LinkedImage(String sopInstanceUid, String method, Double timeDifferenceS) {
    }

    /**
     * One irradiation event; {@code images} are the stored images it produced (empty: none stored). An event of a
     * study without dose report is one image's (or one Irradiation Event UID's) header values, and has no
     * report.
     */
    public record Event(String eventUid, String reportSopInstanceUid, Coded type, String startedAt, Coded plane,
                        String protocol, Coded targetRegion, Double kvpKv, Double tubeCurrentMa,
                        Double exposureTimeS, Double pulses, Double irradiationDurationS, Double dapGym2,
                        Double rpAirKermaGy, Double primaryAngleDeg, Double secondaryAngleDeg, Double sidMm,
                        Double collimatedFieldAreaM2, Double ctdiVolMGy, Double dlpMGyCm, List<LinkedImage> images) {
    }

    /** An image linked by time window with several events equally near; the first of {@code eventUids} won. */
    public record Tie(String sopInstanceUid, List<String> eventUids) {
    }

    /** The dose of a study (or of a list row): totals over its standing reports, else over its images. */
    public record Summary(Double dapGym2, Double rpAirKermaGy, Double fluoroTimeS, Double dlpMGyCm,
                          Double ctdiVolMaxMGy, int eventCount) {
        /** The summary of a study with no dose data. */
        public static final Summary NONE = new Summary(null, null, null, null, null, 0);
    }

    /** A finding of the dose extractors against an object of the study. */
    public record FindingRow(String sopInstanceUid, String source, String severity, String message, String path) {
    }

    /** {@code /api/studies/{uid}/dose}. */
    public record StudyDose(String studyInstanceUid, List<Report> reports, List<Accumulated> accumulated,
                            List<Event> events, List<String> eventsWithoutImages, List<String> imagesWithoutEvent,
                            List<Tie> ties, Summary summary, List<FindingRow> findings) {
    }

    /** The header technique of one image, in canonical units. */
    public record Technique(String acquiredAt, Double kvpKv, Double tubeCurrentMa, Double exposureTimeS,
                            Double exposureMas, Double dapGym2, Double entranceDoseMGy, Double exposureIndex,
                            Double primaryAngleDeg, Double secondaryAngleDeg, Double sidMm, Integer numberOfFrames,
                            Double ctdiVolMGy, String protocolName, String bodyPart, String irradiationEventUid) {
    }

    /** An event that produced an image, with how the link was found ({@code event.images} not shown). */
    public record ImageEvent(Event event, String method, Double timeDifferenceS) {
    }

    /**
     * {@code /api/instances/{uid}/dose}: for an image its technique and the events that produced it; for a dose
     * report no technique and its events (all, with their images, method and time difference null).
     */
    public record InstanceDose(String sopInstanceUid, String studyInstanceUid, String modality, Technique technique,
                               List<ImageEvent> events) {
    }

    /** One study of a patient's dose history. */
    public record PatientStudy(String studyInstanceUid, String studyDate, List<String> modalities, Double dapGym2,
                               Double rpAirKermaGy, Double fluoroTimeS, Double dlpMGyCm, Double ctdiVolMaxMGy) {
    }

    /** Totals over a patient's studies. */
    public record Totals(Double dapGym2, Double rpAirKermaGy, Double fluoroTimeS, Double dlpMGyCm, int studyCount) {
    }

    /** {@code /api/patients/{id}/dose}. */
    public record PatientDose(String patientId, String from, String to, List<PatientStudy> studies, Totals totals) {
    }
}
