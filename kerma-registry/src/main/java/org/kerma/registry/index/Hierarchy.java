package org.kerma.registry.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;

/**
 * The patient, study, series, instance and device tables: inserting an instance with its parents, finding and
 * replacing it. Every method works on the caller's connection and transaction.
 *
 * <p>Parents are inserted with {@code INSERT ... ON CONFLICT DO NOTHING} and then looked up, so concurrent
 * transactions that bring the same patient, study or series end with one row each. The first copy of a parent
 * fixes its attributes.
 */
public final class Hierarchy {
    /**
     * The study under which defined procedure protocols are indexed: their IODs have no Patient, Study or Series
     * (PS3.3 A.82.2, A.82.5), while every instance of the index belongs to a series. A constant, so {@code kerma
     * reindex} and other nodes place them alike; the archived file is kept as received.
     */
    public static final String PROTOCOL_LIBRARY_STUDY_UID = "2.25.52425616339216754811597766744588151442";
    /** The series of {@link #PROTOCOL_LIBRARY_STUDY_UID}. */
    public static final String PROTOCOL_LIBRARY_SERIES_UID = "2.25.247796758014981003894810694616273884536";

    private Hierarchy() {
    }

    /**
     * Gives a procedure protocol or protocol approval without a Study or Series Instance UID (defined protocols and
     * approvals have none) those of the protocol library, in {@code dataset} as the index sees it (not in the archived file).
     */
    public static void placeInProtocolLibrary(DicomObject dataset) {
        if (text(dataset, Tag.StudyInstanceUID) == null) {
            dataset.setString(Tag.StudyInstanceUID, PROTOCOL_LIBRARY_STUDY_UID);
            dataset.setString(Tag.StudyDescription, "Kerma protocol library");
        }
        if (text(dataset, Tag.SeriesInstanceUID) == null) {
            dataset.setString(Tag.SeriesInstanceUID, PROTOCOL_LIBRARY_SERIES_UID);
        }
    }

    /**
     * What the archive knows of a file about to be indexed.
     *
     * @param filePath          archive-relative path
     * @param fileSize          length in bytes
     * @param sha256            digest, lower-case hex
     * @param transferSyntaxUid transfer syntax of the data set
     * @param senderAe          the sending AE title, or null
     * @param receivedAt        milliseconds since the epoch
     * @param objectClass       classification by SOP Class
     */
    public record FileFacts(String filePath, long fileSize, String sha256, String transferSyntaxUid, String senderAe,
                            long receivedAt, ObjectClass objectClass) {
    }

    private static final String INSTANCE_COLUMNS = """
            SELECT i.id, i.sop_instance_uid, i.sop_class_uid, i.object_class, st.study_instance_uid,
                   se.series_instance_uid, i.file_path, i.file_size, i.sha256, i.transfer_syntax_uid,
                   i.sender_ae, i.received_at
            FROM instance i JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk
            """;

    /** The instance with this SOP Instance UID, if indexed. */
    public static Optional<IndexedInstance> find(Connection c, String sopInstanceUid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSTANCE_COLUMNS + "WHERE i.sop_instance_uid = ?")) {
            ps.setString(1, sopInstanceUid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(indexedInstance(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Instances whose extraction is pending (see {@link #markExtracted}) with an id above {@code afterId}, at most
     * {@code limit}, in the order of their ids.
     */
    public static List<IndexedInstance> extractionPending(Connection c, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSTANCE_COLUMNS
                + "WHERE i.extracted_at IS NULL AND i.id > ? ORDER BY i.id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            List<IndexedInstance> pending = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.add(indexedInstance(rs));
                }
            }
            return pending;
        }
    }

    /** Records that the extractors finished with an instance; until then its extraction is pending. */
    public static void markExtracted(Connection c, long instanceId, long at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE instance SET extracted_at = ? WHERE id = ?")) {
            ps.setLong(1, at);
            ps.setLong(2, instanceId);
            ps.executeUpdate();
        }
    }

    private static IndexedInstance indexedInstance(ResultSet rs) throws SQLException {
        return new IndexedInstance(rs.getLong(1), rs.getString(2), rs.getString(3),
                ObjectClass.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getLong(12));
    }

    /**
     * Inserts the instance, and its patient, study, series and device where they are new.
     *
     * @return the new instance's id, or empty when an instance with its SOP Instance UID already exists
     */
    public static Optional<Long> insert(Connection c, DicomObject dataset, FileFacts file) throws SQLException {
        long seriesId = series(c, dataset, study(c, dataset, patient(c, dataset)), device(c, dataset));
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO instance (series_fk, sop_instance_uid, sop_class_uid, object_class, instance_number,
                    content_date, file_path, file_size, sha256, transfer_syntax_uid, sender_ae, received_at, attributes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sop_instance_uid) DO NOTHING RETURNING id""")) {
            ps.setLong(1, seriesId);
            ps.setString(2, text(dataset, Tag.SOPInstanceUID));
            setInstanceColumns(ps, 3, dataset, file);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Points an indexed instance at a new copy of it (the replace policy): file, digest and attributes. */
    public static void replace(Connection c, long instanceId, DicomObject dataset, FileFacts file)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE instance SET extracted_at = NULL, sop_class_uid = ?, object_class = ?, instance_number = ?,
                    content_date = ?, file_path = ?, file_size = ?, sha256 = ?, transfer_syntax_uid = ?, sender_ae = ?,
                    received_at = ?, attributes = ?
                WHERE id = ?""")) {
            setInstanceColumns(ps, 1, dataset, file);
            ps.setLong(12, instanceId);
            ps.executeUpdate();
        }
    }

    private static void setInstanceColumns(PreparedStatement ps, int first, DicomObject dataset, FileFacts file)
            throws SQLException {
        int i = first;
        ps.setString(i++, text(dataset, Tag.SOPClassUID));
        ps.setString(i++, file.objectClass().name());
        ps.setString(i++, text(dataset, Tag.InstanceNumber));
        ps.setString(i++, date(dataset, Tag.ContentDate));
        ps.setString(i++, file.filePath());
        ps.setLong(i++, file.fileSize());
        ps.setString(i++, file.sha256());
        ps.setString(i++, file.transferSyntaxUid());
        ps.setString(i++, file.senderAe());
        ps.setLong(i++, file.receivedAt());
        ps.setBytes(i, Level.IMAGE.encode(dataset));
    }

    private static long patient(Connection c, DicomObject ds) throws SQLException {
        String patientId = orEmpty(text(ds, Tag.PatientID));
        String issuer = orEmpty(text(ds, Tag.IssuerOfPatientID));
        String name = text(ds, Tag.PatientName);
        return insertThenSelect(c, """
                INSERT INTO patient (patient_id, issuer_of_patient_id, patient_name, patient_name_norm, birth_date,
                    sex, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (patient_id, issuer_of_patient_id) DO NOTHING""",
                "SELECT id FROM patient WHERE patient_id = ? AND issuer_of_patient_id = ?",
                new Object[] {patientId, issuer, name, normalizeName(name), date(ds, Tag.PatientBirthDate),
                        text(ds, Tag.PatientSex), Level.PATIENT.encode(ds)},
                new Object[] {patientId, issuer});
    }

    private static long study(Connection c, DicomObject ds, long patientId) throws SQLException {
        String uid = text(ds, Tag.StudyInstanceUID);
        return insertThenSelect(c, """
                INSERT INTO study (patient_fk, study_instance_uid, study_date, study_time, accession_number,
                    study_id, referring_physician_norm, study_description, attributes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (study_instance_uid) DO NOTHING""",
                "SELECT id FROM study WHERE study_instance_uid = ?",
                new Object[] {patientId, uid, date(ds, Tag.StudyDate), text(ds, Tag.StudyTime),
                        text(ds, Tag.AccessionNumber), text(ds, Tag.StudyID),
                        normalizeName(text(ds, Tag.ReferringPhysicianName)), text(ds, Tag.StudyDescription),
                        Level.STUDY.encode(ds)},
                new Object[] {uid});
    }

    private static long series(Connection c, DicomObject ds, long studyId, Long deviceId) throws SQLException {
        String uid = text(ds, Tag.SeriesInstanceUID);
        return insertThenSelect(c, """
                INSERT INTO series (study_fk, device_fk, series_instance_uid, modality, series_number, series_date,
                    series_description, body_part_examined, attributes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (series_instance_uid) DO NOTHING""",
                "SELECT id FROM series WHERE series_instance_uid = ?",
                new Object[] {studyId, deviceId, uid, text(ds, Tag.Modality), text(ds, Tag.SeriesNumber),
                        date(ds, Tag.SeriesDate), text(ds, Tag.SeriesDescription), text(ds, Tag.BodyPartExamined),
                        Level.SERIES.encode(ds)},
                new Object[] {uid});
    }

    /**
     * The General Equipment of the object (PS3.3 C.7.5.1) as a device row, its Device UID (0018,1002) standing for
     * the device observer UID until the dose extractors read the SR's own; null when it names nothing.
     */
    private static Long device(Connection c, DicomObject ds) throws SQLException {
        Object[] key = {orEmpty(text(ds, Tag.Manufacturer)), orEmpty(text(ds, Tag.ManufacturerModelName)),
                orEmpty(text(ds, Tag.DeviceSerialNumber)), orEmpty(text(ds, Tag.StationName)),
                orEmpty(text(ds, Tag.DeviceUID))};
        boolean none = true;
        for (Object k : key) {
            none &= ((String) k).isEmpty();
        }
        if (none) {
            return null;
        }
        return insertThenSelect(c, """
                INSERT INTO device (manufacturer, model_name, serial_number, station_name, device_observer_uid)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (manufacturer, model_name, serial_number, station_name,
                    device_observer_uid) DO NOTHING""",
                """
                SELECT id FROM device WHERE manufacturer = ? AND model_name = ? AND serial_number = ?
                    AND station_name = ? AND device_observer_uid = ?""",
                key, key);
    }

    private static long insertThenSelect(Connection c, String insert, String select, Object[] values, Object[] key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            bind(ps, values);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(select)) {
            bind(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("row missing after insert: " + select.strip());
                }
                return rs.getLong(1);
            }
        }
    }

    static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                ps.setObject(i + 1, null);
            } else if (v instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else {
                ps.setString(i + 1, v.toString());
            }
        }
    }

    /** The attribute's value (all values joined with '\'), trimmed; null when absent or empty. */
    static String text(DicomObject ds, int tag) {
        String v = ds.findString(tag).map(String::trim).orElse(null);
        if (v == null || v.isEmpty()) {
            return null;
        }
        return String.join("\\", ds.strings(tag)).trim();
    }

    /** A DA value as YYYYMMDD (the ACR-NEMA form with dots accepted); null when absent. */
    static String date(DicomObject ds, int tag) {
        String v = text(ds, tag);
        return v == null ? null : v.replace(".", "");
    }

    /**
     * The form in which person names are compared (PS3.4 C.2.2.2.1 lets PN matching ignore case): upper case,
     * trailing spaces and empty trailing components of each component group dropped, so {@code "Doe^Jane^^"} and
     * {@code "DOE^JANE"} are one name. Null for null.
     */
    public static String normalizeName(String name) {
        if (name == null) {
            return null;
        }
        String[] groups = name.trim().split("=", -1);
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < groups.length; g++) {
            String group = groups[g].strip();
            int end = group.length();
            while (end > 0 && (group.charAt(end - 1) == '^' || group.charAt(end - 1) == ' ')) {
                end--;
            }
            if (g > 0) {
                out.append('=');
            }
            out.append(group, 0, end);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '=') {
            end--;
        }
        return out.substring(0, end).toUpperCase(Locale.ROOT);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
