package org.kerma.registry.dose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.kerma.registry.dose.DoseAnswers.Accumulated;
import org.kerma.registry.dose.DoseAnswers.Event;
import org.kerma.registry.dose.DoseAnswers.FindingRow;
import org.kerma.registry.dose.DoseAnswers.ImageEvent;
import org.kerma.registry.dose.DoseAnswers.InstanceDose;
import org.kerma.registry.dose.DoseAnswers.LinkedImage;
import org.kerma.registry.dose.DoseAnswers.PatientDose;
import org.kerma.registry.dose.DoseAnswers.PatientStudy;
import org.kerma.registry.dose.DoseAnswers.Report;
import org.kerma.registry.dose.DoseAnswers.StudyDose;
import org.kerma.registry.dose.DoseAnswers.Summary;
import org.kerma.registry.dose.DoseAnswers.Technique;
import org.kerma.registry.dose.DoseAnswers.Tie;
import org.kerma.registry.dose.DoseAnswers.Totals;
import org.kerma.registry.index.IndexDatabase;

/**
 * The dose answers behind {@code /api/studies/{uid}/dose}, {@code /api/instances/{uid}/dose},
 * {@code /api/patients/{id}/dose} and {@code kerma dose study|patient|image}: read from the dose tables only.
 * Read-only; thread-safe.
 */
public final class DoseQueries {
    /**
     * The link method of an event of a study without dose report: the event is the image's own header (one per
     * Irradiation Event UID, else per image).
     */
    public static final String IMAGE_HEADER = "IMAGE_HEADER";

    private static final String EVENT_COLUMNS = """
            SELECT e.event_uid, r.sop_instance_uid AS report_sop, e.type_code, e.type_scheme, e.type_meaning,
                   e.started_at, e.plane_code, e.plane_scheme, e.plane_meaning, e.protocol, e.target_region_code,
                   e.target_region_scheme, e.target_region_meaning, e.kvp_kv, e.tube_current_ma, e.exposure_time_s,
                   e.pulses, e.irradiation_duration_s, e.dap_gym2, e.rp_air_kerma_gy, e.primary_angle_deg,
                   e.secondary_angle_deg, e.sid_mm, e.collimated_field_area_m2, e.ctdivol_mgy, e.dlp_mgycm""";

    private static final String SOURCES = "('dose report', 'image technique')";

    private final IndexDatabase index;

    public DoseQueries(IndexDatabase index) {
        this.index = index;
    }

    /** The dose of a study; empty when the study is unknown. */
    public Optional<StudyDose> study(String studyInstanceUid) {
        return index.read("read the dose of study " + studyInstanceUid, c -> {
            Optional<Long> id = key(c, "SELECT id FROM study WHERE study_instance_uid = ?", studyInstanceUid);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(study(c, id.get(), studyInstanceUid));
        });
    }

    private StudyDose study(Connection c, long study, String uid) throws SQLException {
        List<Report> reports = reports(c, study);
        Summary summary = summary(c, study).orElse(Summary.NONE);
        if (reports.isEmpty()) {
            List<Event> events = imageEvents(c, study, null);
            List<Accumulated> accumulated = events.isEmpty() ? List.of() : List.of(new Accumulated(null,
                    summary.dapGym2(), null, null, null, null, null, null, null, null, events.size(), "IMAGES"));
            return new StudyDose(uid, reports, accumulated, events, List.of(), List.of(), List.of(), summary,
                    findings(c, study));
        }
        Map<String, List<LinkedImage>> images = linkedImages(c, study);
        List<Event> events = new ArrayList<>();
        List<String> withoutImages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(EVENT_COLUMNS + """

                FROM irradiation_event e JOIN dose_report r ON r.id = e.report_fk
                WHERE e.study_fk = ? AND e.standing = 1
                ORDER BY e.started_at IS NULL, e.started_at, r.sop_instance_uid, e.seq""")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String eventUid = rs.getString("event_uid");
                    List<LinkedImage> linked = eventUid == null ? List.of() : images.getOrDefault(eventUid, List.of());
                    events.add(event(rs, linked));
                    if (eventUid != null && linked.isEmpty()) {
                        withoutImages.add(eventUid);
                    }
                }
            }
        }
        withoutImages.sort(null);
        return new StudyDose(uid, reports, accumulated(c, study), events, withoutImages, imagesWithoutEvent(c, study),
                ties(c, study), summary, findings(c, study));
    }

    private static List<Report> reports(Connection c, long study) throws SQLException {
        List<Report> reports = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sop_instance_uid, status, replaced_by, template,"
                + " device_observer_uid, manufacturer, model_name FROM dose_report WHERE study_fk = ?"
                + " ORDER BY sop_instance_uid")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reports.add(new Report(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return reports;
    }

    private static List<Accumulated> accumulated(Connection c, long study) throws SQLException {
        List<Accumulated> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.* FROM accumulated_dose a JOIN dose_report r ON r.id = a.report_fk
                WHERE r.study_fk = ? AND r.status = 'STANDING' ORDER BY r.sop_instance_uid, a.id""")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Accumulated(Sql.code(rs, "plane"), Sql.number(rs, "dap_gym2"),
                            Sql.number(rs, "rp_air_kerma_gy"), Sql.number(rs, "fluoro_dap_gym2"),
                            Sql.number(rs, "fluoro_rp_air_kerma_gy"), Sql.number(rs, "fluoro_time_s"),
                            Sql.number(rs, "acquisition_dap_gym2"), Sql.number(rs, "acquisition_rp_air_kerma_gy"),
                            Sql.number(rs, "acquisition_time_s"), Sql.number(rs, "dlp_total_mgycm"),
                            Sql.integer(rs, "event_count"), "REPORT"));
                }
            }
        }
        return list;
    }

    /** The images linked to each event UID of a study, by image SOP Instance UID. */
    private static Map<String, List<LinkedImage>> linkedImages(Connection c, long study) throws SQLException {
        Map<String, List<LinkedImage>> byEvent = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT ei.event_uid, i.sop_instance_uid, ei.method, ei.time_difference_s
                FROM event_image ei JOIN instance i ON i.id = ei.instance_fk
                WHERE ei.study_fk = ? ORDER BY i.sop_instance_uid""")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byEvent.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new LinkedImage(
                            rs.getString(2), rs.getString(3), Sql.number(rs, 4)));
                }
            }
        }
        return byEvent;
    }

    private static List<String> imagesWithoutEvent(Connection c, long study) throws SQLException {
        List<String> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.sop_instance_uid FROM image_technique t
                WHERE t.study_fk = ? AND NOT EXISTS (SELECT 1 FROM event_image ei WHERE ei.instance_fk = t.instance_fk)
                ORDER BY t.sop_instance_uid""")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(rs.getString(1));
                }
            }
        }
        return list;
    }

    private static List<Tie> ties(Connection c, long study) throws SQLException {
        List<Tie> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.sop_instance_uid, t.event_uids FROM link_tie t JOIN instance i ON i.id = t.instance_fk
                WHERE t.study_fk = ? ORDER BY i.sop_instance_uid""")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Tie(rs.getString(1), Arrays.asList(rs.getString(2).split("\\\\"))));
                }
            }
        }
        return list;
    }

    private static List<FindingRow> findings(Connection c, long study) throws SQLException {
        List<FindingRow> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.sop_instance_uid, f.source, f.severity, f.message, f.location
                FROM finding f JOIN instance i ON i.id = f.instance_fk JOIN series se ON se.id = i.series_fk
                WHERE se.study_fk = ? AND f.source IN""" + " " + SOURCES + " ORDER BY i.sop_instance_uid, f.id")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String path = rs.getString(5);
                    list.add(new FindingRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            path == null || path.isEmpty() ? null : path));
                }
            }
        }
        return list;
    }

    static Optional<Summary> summary(Connection c, long study) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM study_dose WHERE study_fk = ?")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs, "")) : Optional.empty();
            }
        }
    }

    /** The summary in columns {@code prefix}dap_gym2 etc. of a study_dose row (all null: none). */
    public static Summary summary(ResultSet rs, String prefix) throws SQLException {
        Integer events = Sql.integer(rs, prefix + "event_count");
        if (events == null) {
            return Summary.NONE;
        }
        return new Summary(Sql.number(rs, prefix + "dap_gym2"), Sql.number(rs, prefix + "rp_air_kerma_gy"),
                Sql.number(rs, prefix + "fluoro_time_s"), Sql.number(rs, prefix + "dlp_mgycm"),
                Sql.number(rs, prefix + "ctdivol_max_mgy"), events);
    }

    private static Event event(ResultSet rs, List<LinkedImage> images) throws SQLException {
        return new Event(rs.getString("event_uid"), rs.getString("report_sop"), Sql.code(rs, "type"),
                rs.getString("started_at"), Sql.code(rs, "plane"), rs.getString("protocol"),
                Sql.code(rs, "target_region"), Sql.number(rs, "kvp_kv"), Sql.number(rs, "tube_current_ma"),
                Sql.number(rs, "exposure_time_s"), Sql.number(rs, "pulses"),
                Sql.number(rs, "irradiation_duration_s"), Sql.number(rs, "dap_gym2"),
                Sql.number(rs, "rp_air_kerma_gy"), Sql.number(rs, "primary_angle_deg"),
                Sql.number(rs, "secondary_angle_deg"), Sql.number(rs, "sid_mm"),
                Sql.number(rs, "collimated_field_area_m2"), Sql.number(rs, "ctdivol_mgy"),
                Sql.number(rs, "dlp_mgycm"), images);
    }

    /**
     * The events of a study without dose report: one per exposure ({@link StudyLinking#imageEventKey}) of its
     * projection images, from the first image's header; {@code onlyImage} limits them to the event of one image
     * instance key.
     */
    private static List<Event> imageEvents(Connection c, long study, Long onlyImage) throws SQLException {
        Map<String, Event> events = new LinkedHashMap<>();
        Map<String, List<LinkedImage>> images = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT * FROM image_technique WHERE study_fk = ? AND (modality IS NULL OR modality <> 'CT')
                ORDER BY acquired_at IS NULL, acquired_at, sop_instance_uid""")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String sop = rs.getString("sop_instance_uid");
                    String key = StudyLinking.imageEventKey(rs.getString("irradiation_event_uid"),
                            rs.getString("acquired_at"), rs.getString("manufacturer"), rs.getString("serial_number"),
                            sop);
                    List<LinkedImage> linked = images.computeIfAbsent(key, k -> new ArrayList<>());
                    linked.add(new LinkedImage(sop, IMAGE_HEADER, 0.0));
                    if (onlyImage != null && rs.getLong("instance_fk") != onlyImage) {
                        continue;
                    }
                    String uid = Optional.ofNullable(rs.getString("irradiation_event_uid")).orElse(linked.get(0)
                            .sopInstanceUid());
                    events.putIfAbsent(key, new Event(uid, null, null, rs.getString("acquired_at"), null,
                            rs.getString("protocol_name"), null, Sql.number(rs, "kvp_kv"),
                            Sql.number(rs, "tube_current_ma"), Sql.number(rs, "exposure_time_s"), null, null,
                            Sql.number(rs, "dap_gym2"), null, Sql.number(rs, "primary_angle_deg"),
                            Sql.number(rs, "secondary_angle_deg"), Sql.number(rs, "sid_mm"), null,
                            Sql.number(rs, "ctdivol_mgy"), null, linked));
                }
            }
        }
        return List.copyOf(events.values());
    }

    /** The dose of one instance (an image, or a dose report); empty when the instance is unknown. */
    public Optional<InstanceDose> instance(String sopInstanceUid) {
        return index.read("read the dose of instance " + sopInstanceUid, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.id, i.object_class, st.study_instance_uid, se.modality, st.id
                    FROM instance i JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk
                    WHERE i.sop_instance_uid = ?""")) {
                ps.setString(1, sopInstanceUid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long instance = rs.getLong(1);
                    long study = rs.getLong(5);
                    String studyUid = rs.getString(3);
                    String modality = rs.getString(4);
                    if ("DOSE_REPORT".equals(rs.getString(2))) {
                        return Optional.of(new InstanceDose(sopInstanceUid, studyUid, modality, null,
                                reportEvents(c, instance, study)));
                    }
                    return Optional.of(new InstanceDose(sopInstanceUid, studyUid, modality, technique(c, instance),
                            imageEventsOf(c, instance, study)));
                }
            }
        });
    }

    private static Technique technique(Connection c, long instance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM image_technique WHERE instance_fk = ?")) {
            ps.setLong(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Technique(rs.getString("acquired_at"), Sql.number(rs, "kvp_kv"),
                        Sql.number(rs, "tube_current_ma"), Sql.number(rs, "exposure_time_s"),
                        Sql.number(rs, "exposure_mas"), Sql.number(rs, "dap_gym2"),
                        Sql.number(rs, "entrance_dose_mgy"), Sql.number(rs, "exposure_index"),
                        Sql.number(rs, "primary_angle_deg"), Sql.number(rs, "secondary_angle_deg"),
                        Sql.number(rs, "sid_mm"), Sql.integer(rs, "number_of_frames"), Sql.number(rs, "ctdivol_mgy"),
                        rs.getString("protocol_name"), rs.getString("body_part"),
                        rs.getString("irradiation_event_uid"));
            }
        }
    }

    private static List<ImageEvent> imageEventsOf(Connection c, long instance, long study) throws SQLException {
        List<ImageEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(EVENT_COLUMNS + """
                , ei.method, ei.time_difference_s
                FROM event_image ei
                JOIN irradiation_event e ON e.study_fk = ei.study_fk AND e.event_uid = ei.event_uid AND e.standing = 1
                JOIN dose_report r ON r.id = e.report_fk
                WHERE ei.instance_fk = ? ORDER BY e.started_at, e.event_uid""")) {
            ps.setLong(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new ImageEvent(event(rs, null), rs.getString("method"),
                            Sql.number(rs, "time_difference_s")));
                }
            }
        }
        if (events.isEmpty() && key(c, "SELECT id FROM dose_report WHERE study_fk = ? LIMIT 1", study).isEmpty()) {
            for (Event e : imageEvents(c, study, instance)) {
                events.add(new ImageEvent(e, IMAGE_HEADER, 0.0));
            }
        }
        return events;
    }

    private static List<ImageEvent> reportEvents(Connection c, long instance, long study) throws SQLException {
        Map<String, List<LinkedImage>> images = linkedImages(c, study);
        List<ImageEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(EVENT_COLUMNS + """

                FROM irradiation_event e JOIN dose_report r ON r.id = e.report_fk
                WHERE r.instance_fk = ? ORDER BY e.started_at IS NULL, e.started_at, e.seq""")) {
            ps.setLong(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String uid = rs.getString("event_uid");
                    events.add(new ImageEvent(event(rs, uid == null ? List.of() : images.getOrDefault(uid,
                            List.of())), null, null));
                }
            }
        }
        return events;
    }

    /**
     * The dose of a patient's studies from {@code from} to {@code to} (YYYYMMDD, inclusive, null: open), oldest
     * first; empty when no patient has this ID (and issuer, when given).
     */
    public Optional<PatientDose> patient(String patientId, String issuer, String from, String to) {
        return index.read("read the dose of patient " + patientId, c -> {
            StringBuilder sql = new StringBuilder("SELECT id FROM patient WHERE patient_id = ?");
            List<String> params = new ArrayList<>(List.of(patientId));
            if (issuer != null) {
                sql.append(" AND issuer_of_patient_id = ?");
                params.add(issuer);
            }
            List<Long> patients = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        patients.add(rs.getLong(1));
                    }
                }
            }
            if (patients.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(patient(c, patientId, patients, from, to));
        });
    }

    private static PatientDose patient(Connection c, String patientId, List<Long> patients, String from, String to)
            throws SQLException {
        StringBuilder sql = new StringBuilder("""
                SELECT st.id, st.study_instance_uid, st.study_date, sd.dap_gym2, sd.rp_air_kerma_gy, sd.fluoro_time_s,
                       sd.dlp_mgycm, sd.ctdivol_max_mgy, sd.event_count
                FROM study st LEFT JOIN study_dose sd ON sd.study_fk = st.id WHERE st.patient_fk IN (""");
        sql.append(String.join(", ", patients.stream().map(p -> "?").toList())).append(")");
        List<Object> params = new ArrayList<>(patients);
        if (from != null) {
            sql.append(" AND st.study_date >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND st.study_date <= ?");
            params.add(to);
        }
        sql.append(" ORDER BY st.study_date IS NULL, st.study_date, st.study_time, st.id");
        List<PatientStudy> studies = new ArrayList<>();
        Double[] totals = new Double[4];
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Summary s = summary(rs, "");
                    studies.add(new PatientStudy(rs.getString(2), isoDate(rs.getString(3)),
                            modalities(c, rs.getLong(1)), s.dapGym2(), s.rpAirKermaGy(), s.fluoroTimeS(),
                            s.dlpMGyCm(), s.ctdiVolMaxMGy()));
                    Double[] values = {s.dapGym2(), s.rpAirKermaGy(), s.fluoroTimeS(), s.dlpMGyCm()};
                    for (int i = 0; i < 4; i++) {
                        if (values[i] != null) {
                            totals[i] = totals[i] == null ? values[i] : totals[i] + values[i];
                        }
                    }
                }
            }
        }
        return new PatientDose(patientId, isoDate(from), isoDate(to), studies,
                new Totals(totals[0], totals[1], totals[2], totals[3], studies.size()));
    }

    private static List<String> modalities(Connection c, long study) throws SQLException {
        TreeSet<String> modalities = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT modality FROM series WHERE study_fk = ?"
                + " AND modality IS NOT NULL")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    modalities.add(rs.getString(1));
                }
            }
        }
        return List.copyOf(modalities);
    }

    /** YYYYMMDD as YYYY-MM-DD; anything else as it is. */
    static String isoDate(String dicomDate) {
        if (dicomDate == null || !dicomDate.matches("\\d{8}")) {
            return dicomDate;
        }
        return dicomDate.substring(0, 4) + "-" + dicomDate.substring(4, 6) + "-" + dicomDate.substring(6);
    }

    private static Optional<Long> key(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
