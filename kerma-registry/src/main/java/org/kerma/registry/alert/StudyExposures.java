package org.kerma.registry.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kerma.dose.reference.DoseQuantity;
import org.kerma.dose.reference.StudyExposure;

/**
 * Reads what a study is judged on from the index and dose tables (never the files): Study Date, the modalities and
 * body parts of its series, Study Description, Series Descriptions and the acquisition protocols of its events and
 * images, its devices, the dose summary ({@code study_dose}) and the peak event values.
 */
final class StudyExposures {
    private StudyExposures() {
    }

    /** The study with row id {@code study}; empty when it has no row. */
    static Optional<StudyExposure> of(Connection c, long study) throws SQLException {
        String uid;
        Optional<LocalDate> date;
        List<String> texts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT study_instance_uid, study_date, study_description FROM study WHERE id = ?")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                uid = rs.getString(1);
                date = date(rs.getString(2));
                texts.add(rs.getString(3));
            }
        }
        Set<String> modalities = new LinkedHashSet<>();
        List<String> devices = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT se.modality, se.body_part_examined, se.series_description, d.manufacturer, d.model_name,
                       d.serial_number, d.station_name
                FROM series se LEFT JOIN device d ON d.id = se.device_fk WHERE se.study_fk = ? ORDER BY se.id""")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        modalities.add(rs.getString(1).strip());
                    }
                    texts.add(rs.getString(2));
                    texts.add(rs.getString(3));
                    if (rs.getString(4) != null) {
                        devices.add(String.join(" ", rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7)).strip());
                    }
                }
            }
        }
        texts.addAll(strings(c, "SELECT DISTINCT protocol FROM irradiation_event WHERE study_fk = ? AND standing = 1",
                study));
        texts.addAll(strings(c, "SELECT DISTINCT protocol_name FROM image_technique WHERE study_fk = ?", study));
        texts.removeIf(t -> t == null || t.isBlank());
        return Optional.of(new StudyExposure(uid, date, modalities, texts, devices, values(c, study)));
    }

    /** The other studies of the patient of {@code study} (same patient row). */
    static List<StudyExposure> patientStudies(Connection c, long study) throws SQLException {
        List<StudyExposure> out = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.id FROM study s JOIN study o"
                + " ON o.patient_fk = s.patient_fk WHERE s.id = ? AND o.id <> s.id ORDER BY o.id")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        for (long id : ids) {
            of(c, id).ifPresent(out::add);
        }
        return out;
    }

    private static Map<DoseQuantity, Double> values(Connection c, long study) throws SQLException {
        Map<DoseQuantity, Double> v = new EnumMap<>(DoseQuantity.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT dap_gym2, rp_air_kerma_gy, fluoro_time_s, dlp_mgycm,"
                + " ctdivol_max_mgy FROM study_dose WHERE study_fk = ?")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    put(v, DoseQuantity.DAP, rs, 1);
                    put(v, DoseQuantity.RP_AIR_KERMA, rs, 2);
                    put(v, DoseQuantity.FLUORO_TIME, rs, 3);
                    put(v, DoseQuantity.DLP, rs, 4);
                    put(v, DoseQuantity.CTDIVOL, rs, 5);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(dap_gym2), MAX(rp_air_kerma_gy)"
                + " FROM irradiation_event WHERE study_fk = ? AND standing = 1")) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    put(v, DoseQuantity.PEAK_EVENT_DAP, rs, 1);
                    put(v, DoseQuantity.PEAK_EVENT_RP_AIR_KERMA, rs, 2);
                }
            }
        }
        if (!v.containsKey(DoseQuantity.PEAK_EVENT_DAP)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(dap_gym2) FROM image_technique WHERE study_fk = ?")) {
                ps.setLong(1, study);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        put(v, DoseQuantity.PEAK_EVENT_DAP, rs, 1);
                    }
                }
            }
        }
        return v;
    }

    private static void put(Map<DoseQuantity, Double> v, DoseQuantity q, ResultSet rs, int column)
            throws SQLException {
        double d = rs.getDouble(column);
        if (!rs.wasNull()) {
            v.put(q, d);
        }
    }

    private static List<String> strings(Connection c, String sql, long study) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** A DICOM DA ({@code 20240315}) or ISO date; empty when absent or unreadable. */
    static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(t.length() == 8 ? LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE)
                    : LocalDate.parse(t));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
