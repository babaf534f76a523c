package org.kerma.registry.dose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kerma.dicom.Code;
import org.kerma.dose.AccumulatedDose;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.DoseReport;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.Quantity;
import org.kerma.dose.Unit;
import org.kerma.dose.link.ReportEvents;
import org.kerma.dose.technique.ExposureTechnique;
import org.kerma.dose.technique.ImageTechnique;

/**
 * Writes what the dose readers read into the dose tables ({@code dose_report}, {@code accumulated_dose},
 * {@code irradiation_event}, {@code image_technique}), and removes it again for one instance. Quantities go in
 * their canonical unit (the column suffix).
 */
final class DoseTables {
    /** What the dose report extractor fills, referencing tables first. */
    static final List<String> REPORT_TABLES = List.of("event_image", "link_tie", "study_dose", "irradiation_event",
            "accumulated_dose", "dose_report");
    /** What the image technique extractor fills. */
    static final List<String> IMAGE_TABLES = List.of("image_technique");

    private DoseTables() {
    }

    /** The index's key of a study, by Study Instance UID. */
    static long studyKey(Connection c, String studyInstanceUid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM study WHERE study_instance_uid = ?")) {
            ps.setString(1, studyInstanceUid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("study " + studyInstanceUid + " is not in the index");
                }
                return rs.getLong(1);
            }
        }
    }

    /** Removes the report rows (report, accumulated dose, events) written for an instance. */
    static void forgetReport(Connection c, long instanceId) throws SQLException {
        for (String sql : List.of(
                "DELETE FROM irradiation_event WHERE report_fk IN (SELECT id FROM dose_report WHERE instance_fk = ?)",
                "DELETE FROM accumulated_dose WHERE report_fk IN (SELECT id FROM dose_report WHERE instance_fk = ?)",
                "DELETE FROM dose_report WHERE instance_fk = ?")) {
            update(c, sql, instanceId);
        }
    }

    /** Removes the technique row written for an instance. */
    static void forgetTechnique(Connection c, long instanceId) throws SQLException {
        update(c, "DELETE FROM image_technique WHERE instance_fk = ?", instanceId);
    }

    /**
     * Writes a report, its accumulated dose per plane and its events.
     *
     * @param linkable the report's events as the linker sees them, for the image references of each event
     */
    static void insertReport(Connection c, long instanceId, long studyId, DoseReport report, ReportEvents linkable)
            throws SQLException {
        long reportId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dose_report (instance_fk, study_fk,"
                + " sop_instance_uid, kind, template, device_observer_uid, manufacturer, model_name, serial_number,"
                + " device_name, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            new Sql.Binder(ps).id(instanceId).id(studyId).text(report.header().sopInstanceUid())
                    .text(report.kind().name()).text(report.templateId())
                    .text(linkable.device().deviceUid()).text(linkable.device().manufacturer())
                    .text(linkable.device().modelName()).text(linkable.device().serialNumber())
                    .text(linkable.device().stationName())
                    .dateTime(report.startOfXRayIrradiation()).dateTime(report.endOfXRayIrradiation());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                reportId = rs.getLong(1);
            }
        }
        insertAccumulated(c, reportId, report);
        insertEvents(c, reportId, studyId, report, references(linkable));
    }

    private static Map<String, String> references(ReportEvents linkable) {
        Map<String, String> byUid = new java.util.HashMap<>();
        linkable.events().forEach(e -> byUid.put(e.eventUid(), String.join("\\", new java.util.TreeSet<>(
                e.referencedInstances()))));
        return byUid;
    }

    private static void insertAccumulated(Connection c, long reportId, DoseReport report) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO accumulated_dose (report_fk, plane_code,"
                + " plane_scheme, plane_meaning, dap_gym2, rp_air_kerma_gy, fluoro_dap_gym2, fluoro_rp_air_kerma_gy,"
                + " fluoro_time_s, acquisition_dap_gym2, acquisition_rp_air_kerma_gy, acquisition_time_s,"
                + " radiographic_frames, dlp_total_mgycm, event_count)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AccumulatedDose a : report.accumulatedDoses()) {
                int events = (int) report.events().stream()
                        .filter(e -> e.acquisitionPlane().equals(a.acquisitionPlane())
                                || report.accumulatedDoses().size() == 1).count();
                new Sql.Binder(ps).id(reportId).code(a.acquisitionPlane())
                        .quantity(a.doseAreaProductTotal(), Unit.GRAY_SQUARE_METRE)
                        .quantity(a.doseRpTotal(), Unit.GRAY)
                        .quantity(a.fluoroDoseAreaProductTotal(), Unit.GRAY_SQUARE_METRE)
                        .quantity(a.fluoroDoseRpTotal(), Unit.GRAY)
                        .quantity(a.totalFluoroTime(), Unit.SECOND)
                        .quantity(a.acquisitionDoseAreaProductTotal(), Unit.GRAY_SQUARE_METRE)
                        .quantity(a.acquisitionDoseRpTotal(), Unit.GRAY)
                        .quantity(a.totalAcquisitionTime(), Unit.SECOND)
                        .quantity(a.totalNumberOfRadiographicFrames(), Unit.ONE)
                        .number(null).integer(events);
                ps.addBatch();
            }
            if (report.ctAccumulatedDose().isPresent()) {
                var ct = report.ctAccumulatedDose().get();
                Double count = Sql.in(ct.totalNumberOfIrradiationEvents(), Unit.ONE);
                new Sql.Binder(ps).id(reportId).code(Optional.empty()).number(null).number(null).number(null)
                        .number(null).number(null).number(null).number(null).number(null).number(null)
                        .quantity(ct.ctDoseLengthProductTotal(), Unit.MILLIGRAY_CENTIMETRE)
                        .integer(count != null ? (Integer) (int) Math.round(count) : report.ctEvents().size());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static final String EVENT_INSERT = "INSERT INTO irradiation_event (report_fk, study_fk, seq,"
            + " content_path, event_uid, started_at, type_code, type_scheme, type_meaning, plane_code, plane_scheme,"
            + " plane_meaning, protocol, target_region_code, target_region_scheme, target_region_meaning, kvp_kv,"
            + " tube_current_ma, exposure_time_s, pulses, irradiation_duration_s, dap_gym2, rp_air_kerma_gy,"
            + " primary_angle_deg, secondary_angle_deg, sid_mm, collimated_field_area_m2, ctdivol_mgy, dlp_mgycm,"
            + " referenced_instances) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?)";

    private static void insertEvents(Connection c, long reportId, long studyId, DoseReport report,
            Map<String, String> references) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EVENT_INSERT)) {
            int seq = 0;
            for (IrradiationEvent e : report.events()) {
                var s = e.source();
                var m = e.mechanical();
                new Sql.Binder(ps).id(reportId).id(studyId).integer(seq++).text(e.path())
                        .text(e.irradiationEventUid()).dateTime(e.dateTimeStarted()).code(e.irradiationEventType())
                        .code(e.acquisitionPlane()).text(e.acquisitionProtocol()).code(e.anatomicalStructure())
                        .quantity(s.kvp(), Unit.KILOVOLT)
                        .quantity(s.xRayTubeCurrent().or(s::averageXRayTubeCurrent), Unit.MILLIAMPERE)
                        .quantity(s.exposureTime(), Unit.SECOND).quantity(s.numberOfPulses(), Unit.ONE)
                        .quantity(s.irradiationDuration(), Unit.SECOND)
                        .quantity(e.doseAreaProduct(), Unit.GRAY_SQUARE_METRE).quantity(e.doseRp(), Unit.GRAY)
                        .quantity(m.positionerPrimaryAngle(), Unit.DEGREE)
                        .quantity(m.positionerSecondaryAngle(), Unit.DEGREE)
                        .quantity(m.distanceSourceToDetector(), Unit.MILLIMETRE)
                        .quantity(s.collimatedFieldArea(), Unit.SQUARE_METRE).number(null).number(null)
                        .text(e.irradiationEventUid().map(u -> references.getOrDefault(u, "")).orElse(""));
                ps.addBatch();
            }
            for (CtIrradiationEvent e : report.ctEvents()) {
                Optional<CtIrradiationEvent.CtXRaySource> first = e.sources().stream().findFirst();
                Optional<Quantity> kvp = first.flatMap(CtIrradiationEvent.CtXRaySource::kvp);
                Optional<Quantity> ma = first.flatMap(CtIrradiationEvent.CtXRaySource::xRayTubeCurrent);
                new Sql.Binder(ps).id(reportId).id(studyId).integer(seq++).text(e.path())
                        .text(e.irradiationEventUid()).dateTime(Optional.empty()).code(e.ctAcquisitionType())
                        .code(Optional.<Code>empty()).text(e.acquisitionProtocol()).code(e.targetRegion())
                        .quantity(kvp, Unit.KILOVOLT).quantity(ma, Unit.MILLIAMPERE)
                        .quantity(e.exposureTime(), Unit.SECOND).number(null).number(null).number(null)
                        .number(null).number(null).number(null).number(null).number(null)
                        .quantity(e.meanCtdivol(), Unit.MILLIGRAY).quantity(e.dlp(), Unit.MILLIGRAY_CENTIMETRE)
                        .text(e.irradiationEventUid().map(u -> references.getOrDefault(u, "")).orElse(""));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Writes the technique of an image (the image as a whole, with the event UIDs of all its frames). */
    static void insertTechnique(Connection c, long instanceId, long studyId, ImageTechnique t) throws SQLException {
        ExposureTechnique x = t.image();
        List<String> uids = new ArrayList<>(t.irradiationEventUids());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO image_technique (instance_fk, study_fk,"
                + " sop_instance_uid, modality, acquired_at, irradiation_event_uid, event_uids, kvp_kv,"
                + " tube_current_ma, exposure_time_s, exposure_mas, dap_gym2, entrance_dose_mgy, exposure_index,"
                + " primary_angle_deg, secondary_angle_deg, sid_mm, number_of_frames, ctdivol_mgy, protocol_name,"
                + " body_part, radiation_setting, manufacturer, model_name, serial_number, station_name, device_uid)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            new Sql.Binder(ps).id(instanceId).id(studyId).text(t.sopInstanceUid()).text(Optional.of(t.modality()))
                    .dateTime(t.acquisitionDateTime()).text(uids.isEmpty() ? null : uids.get(0))
                    .text(String.join("\\", uids))
                    .quantity(x.kvp(), Unit.KILOVOLT).quantity(x.tubeCurrent(), Unit.MILLIAMPERE)
                    .quantity(x.exposureTime(), Unit.SECOND).quantity(x.exposure(), Unit.MILLIAMPERE_SECOND)
                    .quantity(x.areaDoseProduct(), Unit.GRAY_SQUARE_METRE)
                    .quantity(x.entranceDose(), Unit.MILLIGRAY).quantity(x.exposureIndex(), Unit.ONE)
                    .quantity(x.positionerPrimaryAngle(), Unit.DEGREE)
                    .quantity(x.positionerSecondaryAngle(), Unit.DEGREE)
                    .quantity(x.distanceSourceToDetector(), Unit.MILLIMETRE).integer(t.numberOfFrames())
                    .quantity(x.ctdivol(), Unit.MILLIGRAY).text(t.protocolName()).text(t.bodyPartExamined())
                    .text(t.radiationSetting()).text(t.device().manufacturer()).text(t.device().modelName())
                    .text(t.device().serialNumber()).text(t.device().stationName()).text(t.device().deviceUid());
            ps.executeUpdate();
        }
    }

    static void update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
