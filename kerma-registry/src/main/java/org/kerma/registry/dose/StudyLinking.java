package org.kerma.registry.dose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kerma.dose.link.DoseEvent;
import org.kerma.dose.link.Link;
import org.kerma.dose.link.Linker;
import org.kerma.dose.link.ReportEvents;
import org.kerma.dose.link.StudyLinks;
import org.kerma.dose.link.Tie;
import org.kerma.dose.technique.Device;
import org.kerma.dose.technique.ExposureTechnique;
import org.kerma.dose.technique.ImageTechnique;

/**
 * Recomputes the links of one study from the dose tables (never from the files): loads its reports' events and its
 * images' techniques, runs {@link Linker}, and replaces the study's {@code event_image} and {@code link_tie} rows,
 * the status of its reports, which event rows stand, and its {@code study_dose} summary.
 *
 * <p>Run by both dose extractors after they wrote their rows, in their transaction. It first locks the study row,
 * so two transactions relinking one study take turns; the second (on PostgreSQL in READ COMMITTED, on SQLite by
 * the single writer) then reads what the first committed, and its links, computed from everything, are the last
 * written. The result depends only on the rows present, so arrival order does not matter.
 */
final class StudyLinking {
    private final Linker linker;

    StudyLinking(Linker linker) {
        this.linker = linker;
    }

    private record ImageRow(long instanceId, ImageTechnique technique, Double dapGym2, Double ctdivolMgy) {
    }

    /** Relinks the study with key {@code studyId}. */
    void relink(Connection c, long studyId) throws SQLException {
        DoseTables.update(c, "UPDATE study SET study_instance_uid = study_instance_uid WHERE id = ?", studyId);
        String studyUid = studyUid(c, studyId);
        Map<String, Long> reportIds = new LinkedHashMap<>();
        List<ReportEvents> reports = reports(c, studyId, studyUid, reportIds);
        Map<String, ImageRow> images = images(c, studyId, studyUid);
        DoseTables.update(c, "DELETE FROM event_image WHERE study_fk = ?", studyId);
        DoseTables.update(c, "DELETE FROM link_tie WHERE study_fk = ?", studyId);
        DoseTables.update(c, "DELETE FROM study_dose WHERE study_fk = ?", studyId);
        if (!reports.isEmpty()) {
            StudyLinks links = linker.link(studyUid, reports,
                    images.values().stream().map(ImageRow::technique).toList());
            markReports(c, studyId, links, reportIds);
            writeLinks(c, studyId, links, images);
            writeReportSummary(c, studyId);
        } else if (!images.isEmpty()) {
            writeImageSummary(c, studyId, images.values());
        }
    }

    private static String studyUid(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT study_instance_uid FROM study WHERE id = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("study with key " + studyId + " is not in the index");
                }
                return rs.getString(1);
            }
        }
    }

    private static List<ReportEvents> reports(Connection c, long studyId, String studyUid, Map<String, Long> ids)
            throws SQLException {
        Map<Long, String> sopById = new HashMap<>();
        Map<Long, Device> devices = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, sop_instance_uid, manufacturer, model_name,"
                + " serial_number, device_name, device_observer_uid FROM dose_report WHERE study_fk = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    sopById.put(id, rs.getString(2));
                    ids.put(rs.getString(2), id);
                    devices.put(id, new Device(opt(rs, 3), opt(rs, 4), opt(rs, 5), opt(rs, 6), opt(rs, 7)));
                }
            }
        }
        Map<Long, List<DoseEvent>> events = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT report_fk, event_uid, started_at,"
                + " referenced_instances FROM irradiation_event WHERE study_fk = ? AND event_uid IS NOT NULL"
                + " ORDER BY report_fk, seq")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String refs = rs.getString(4);
                    Set<String> referenced = refs == null || refs.isEmpty() ? Set.of()
                            : new LinkedHashSet<>(Arrays.asList(refs.split("\\\\")));
                    events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                            new DoseEvent(rs.getString(2), Sql.dateTime(rs.getString(3)), referenced));
                }
            }
        }
        List<ReportEvents> reports = new ArrayList<>();
        devices.forEach((id, device) -> reports.add(new ReportEvents(studyUid, sopById.get(id), device,
                events.getOrDefault(id, List.of()))));
        return reports;
    }

    private static Map<String, ImageRow> images(Connection c, long studyId, String studyUid) throws SQLException {
        Map<String, ImageRow> images = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT instance_fk, sop_instance_uid, modality, acquired_at,"
                + " event_uids, manufacturer, model_name, serial_number, station_name, device_uid, dap_gym2,"
                + " ctdivol_mgy FROM image_technique WHERE study_fk = ? ORDER BY sop_instance_uid")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String sop = rs.getString(2);
                    String uids = rs.getString(5);
                    List<String> eventUids = uids == null || uids.isEmpty() ? List.of()
                            : Arrays.asList(uids.split("\\\\"));
                    Device device = new Device(opt(rs, 6), opt(rs, 7), opt(rs, 8), opt(rs, 9), opt(rs, 10));
                    ImageTechnique t = technique(sop, studyUid, Optional.ofNullable(rs.getString(3)).orElse(""),
                            device, Sql.dateTime(rs.getString(4)), eventUids);
                    images.put(sop, new ImageRow(rs.getLong(1), t, Sql.number(rs, "dap_gym2"),
                            Sql.number(rs, "ctdivol_mgy")));
                }
            }
        }
        return images;
    }

    /** What the linker needs of an image: identity, device, acquisition time and event UIDs (one per frame). */
    private static ImageTechnique technique(String sop, String studyUid, String modality, Device device,
            Optional<LocalDateTime> acquired, List<String> eventUids) {
        ExposureTechnique whole = exposure(acquired, eventUids.stream().findFirst());
        List<ExposureTechnique> frames = eventUids.size() < 2 ? List.of()
                : eventUids.stream().map(u -> exposure(Optional.empty(), Optional.of(u))).toList();
        return new ImageTechnique("", sop, studyUid, "", modality, device, Optional.empty(), Optional.empty(),
                Optional.empty(), 1, Optional.empty(), whole, frames, List.of());
    }

    private static ExposureTechnique exposure(Optional<LocalDateTime> acquired, Optional<String> eventUid) {
        return new ExposureTechnique(acquired, eventUid, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void markReports(Connection c, long studyId, StudyLinks links, Map<String, Long> reportIds)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE dose_report SET status = ?, replaced_by = ? WHERE id = ?")) {
            for (Map.Entry<String, Long> r : reportIds.entrySet()) {
                String by = links.replacedBy().get(r.getKey());
                ps.setString(1, by == null ? "STANDING" : "REPLACED");
                ps.setString(2, by);
                ps.setLong(3, r.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        DoseTables.update(c, "UPDATE irradiation_event SET standing = 0 WHERE study_fk = ?", studyId);
        try (PreparedStatement ps = c.prepareStatement("UPDATE irradiation_event SET standing = 1 WHERE id ="
                + " (SELECT min(id) FROM irradiation_event WHERE report_fk = ? AND event_uid = ?)")) {
            for (Map.Entry<String, String> e : links.eventSources().entrySet()) {
                ps.setLong(1, reportIds.get(e.getValue()));
                ps.setString(2, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE irradiation_event SET standing = 1"
                + " WHERE report_fk = ? AND event_uid IS NULL")) {
            for (Map.Entry<String, Long> r : reportIds.entrySet()) {
                if (!links.replacedBy().containsKey(r.getKey())) {
                    ps.setLong(1, r.getValue());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void writeLinks(Connection c, long studyId, StudyLinks links, Map<String, ImageRow> images)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_image (study_fk, event_uid, instance_fk,"
                + " method, time_difference_s) VALUES (?, ?, ?, ?, ?)")) {
            for (Link l : links.links()) {
                new Sql.Binder(ps).id(studyId).text(l.eventUid()).id(images.get(l.sopInstanceUid()).instanceId())
                        .text(l.method().name())
                        .number(l.timeDifference().map(d -> d.toNanos() / 1e9).orElse(null));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO link_tie (study_fk, instance_fk, event_uids,"
                + " distance_s) VALUES (?, ?, ?, ?)")) {
            for (Tie t : links.ties()) {
                new Sql.Binder(ps).id(studyId).id(images.get(t.sopInstanceUid()).instanceId())
                        .text(String.join("\\", t.eventUids())).number(t.distance().toNanos() / 1e9);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Totals of the standing reports: their accumulated dose where given, else the sum of their events. */
    private static void writeReportSummary(Connection c, long studyId) throws SQLException {
        Double[] accumulated = new Double[4];
        try (PreparedStatement ps = c.prepareStatement("SELECT sum(a.dap_gym2), sum(a.rp_air_kerma_gy),"
                + " sum(a.fluoro_time_s), sum(a.dlp_total_mgycm) FROM accumulated_dose a"
                + " JOIN dose_report r ON r.id = a.report_fk WHERE r.study_fk = ? AND r.status = 'STANDING'")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 0; i < 4; i++) {
                    double v = rs.getDouble(i + 1);
                    accumulated[i] = rs.wasNull() ? null : v;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT sum(dap_gym2), sum(rp_air_kerma_gy),"
                + " sum(dlp_mgycm), max(ctdivol_mgy), count(*) FROM irradiation_event"
                + " WHERE study_fk = ? AND standing = 1")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                insertSummary(c, studyId, "REPORT",
                        accumulated[0] != null ? accumulated[0] : Sql.number(rs, 1),
                        accumulated[1] != null ? accumulated[1] : Sql.number(rs, 2), accumulated[2],
                        accumulated[3] != null ? accumulated[3] : Sql.number(rs, 3), Sql.number(rs, 4),
                        rs.getInt(5));
            }
        }
    }

    /**
     * Which exposure of a study an image without dose report shows: its Irradiation Event UID, else its device and
     * acquisition date-time (a mammography For Presentation image and its For Processing original are one
     * exposure), else the image alone.
     */
    static String imageEventKey(String eventUid, String acquiredAt, String manufacturer, String serial, String sop) {
        if (eventUid != null) {
            return eventUid;
        }
        if (acquiredAt != null) {
            return "time " + manufacturer + "|" + serial + "|" + acquiredAt;
        }
        return sop;
    }

    /**
     * Totals of a study without dose report, from its images: one event per exposure ({@link #imageEventKey}) of its
     * projection images (a CT image is a slice, not an event: it gives CTDIvol only).
     */
    private static void writeImageSummary(Connection c, long studyId, Iterable<ImageRow> images) throws SQLException {
        Map<String, Double> dapByEvent = new LinkedHashMap<>();
        Double ctdivolMax = null;
        for (ImageRow i : images) {
            if (i.ctdivolMgy() != null) {
                ctdivolMax = ctdivolMax == null ? i.ctdivolMgy() : Math.max(ctdivolMax, i.ctdivolMgy());
            }
            if (!"CT".equals(i.technique().modality())) {
                ImageTechnique t = i.technique();
                String event = imageEventKey(t.irradiationEventUids().stream().findFirst().orElse(null),
                        t.acquisitionDateTime().map(Sql::format).orElse(null), t.device().manufacturer().orElse(null),
                        t.device().serialNumber().orElse(null), t.sopInstanceUid());
                dapByEvent.merge(event, i.dapGym2() == null ? Double.NaN : i.dapGym2(),
                        (a, b) -> a.isNaN() ? b : a);
            }
        }
        Double dap = null;
        for (double v : dapByEvent.values()) {
            if (!Double.isNaN(v)) {
                dap = dap == null ? v : dap + v;
            }
        }
        insertSummary(c, studyId, "IMAGES", dap, null, null, null, ctdivolMax, dapByEvent.size());
    }

    private static void insertSummary(Connection c, long studyId, String source, Double dap, Double rp,
            Double fluoroTime, Double dlp, Double ctdivolMax, int events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO study_dose (study_fk, source, dap_gym2,"
                + " rp_air_kerma_gy, fluoro_time_s, dlp_mgycm, ctdivol_max_mgy, event_count)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            new Sql.Binder(ps).id(studyId).text(source).number(dap).number(rp).number(fluoroTime).number(dlp)
                    .number(ctdivolMax).integer(events);
            ps.executeUpdate();
        }
    }

    private static Optional<String> opt(ResultSet rs, int column) throws SQLException {
        String v = rs.getString(column);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
