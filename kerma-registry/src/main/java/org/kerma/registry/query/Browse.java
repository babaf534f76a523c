package org.kerma.registry.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.kerma.registry.dose.DoseAnswers;
import org.kerma.registry.dose.DoseQueries;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.index.ObjectClass;

/**
 * The queries behind the REST API: studies with filters and paging, a study, its series, a series' instances, an
 * instance. Read-only; thread-safe.
 */
public final class Browse {

    /**
     * A study as listed. Modalities are those of its series, sorted; {@code dose} its dose summary (null values and
     * no events when it has no dose data).
     */
    public record Study(String studyInstanceUid, String studyDate, String studyTime, String accessionNumber,
                        String studyId, String studyDescription, String patientId, String patientName,
                        List<String> modalities, int series, int instances, DoseAnswers.Summary dose) {
    }

    /** A series of a study. */
    public record Series(String seriesInstanceUid, String modality, String seriesNumber, String seriesDate,
                         String seriesDescription, String bodyPartExamined, int instances) {
    }

    /** An instance of a series, with its archived file's facts. */
    public record Instance(String sopInstanceUid, String sopClassUid, ObjectClass objectClass, String instanceNumber,
                           String seriesInstanceUid, String studyInstanceUid, String filePath, long fileSize,
                           String transferSyntaxUid, String senderAe, long receivedAt, int duplicatesReceived) {
    }

    /**
     * A device that sent images or reports: its id in the index (for {@link StudyFilter#deviceId()}), its
     * identifying attributes as the objects gave them ('' when absent), how many series and instances came from it,
     * the calling AE titles they came from, and when the last one was received (milliseconds since
     * 1970-01-01T00:00Z).
     */
    public record Device(long id, String manufacturer, String modelName, String serialNumber, String stationName,
                         String deviceObserverUid, int series, int instances, List<String> senderAes,
                         long lastReceivedAt) {
    }

    /** One page of a longer list: {@code total} counts all matches. */
    public record Page<T>(long total, int offset, int limit, List<T> items) {
    }

    private static final String STUDY_COLUMNS = """
            SELECT st.id, st.study_instance_uid, st.study_date, st.study_time, st.accession_number, st.study_id,
                   st.study_description, p.patient_id, p.patient_name, sd.dap_gym2, sd.rp_air_kerma_gy,
                   sd.fluoro_time_s, sd.dlp_mgycm, sd.ctdivol_max_mgy, sd.event_count
            FROM study st JOIN patient p ON p.id = st.patient_fk LEFT JOIN study_dose sd ON sd.study_fk = st.id""";
    private static final String STUDY_ORDER = " ORDER BY st.study_date IS NULL, st.study_date DESC, st.id DESC";

    private final IndexDatabase index;

    public Browse(IndexDatabase index) {
        this.index = index;
    }

    /** The studies matching {@code filter}, newest Study Date first (studies without a date last). */
    public Page<Study> studies(StudyFilter filter) {
        List<Object> params = new ArrayList<>();
        String clause = where(filter, params);
        return index.read("list studies", c -> {
            long total = count(c, "SELECT count(*) FROM study st JOIN patient p ON p.id = st.patient_fk"
                    + " LEFT JOIN study_dose sd ON sd.study_fk = st.id" + clause, params);
            List<Row> page = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(STUDY_COLUMNS + clause + STUDY_ORDER
                    + " LIMIT ? OFFSET ?")) {
                int i = bind(ps, params);
                ps.setInt(i++, filter.limit());
                ps.setInt(i, filter.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(row(rs));
                    }
                }
            }
            return new Page<>(total, filter.offset(), filter.limit(), withCounts(c, page));
        });
    }

    /**
     * Every study matching {@code filter} (its offset and limit ignored), in the order of {@link #studies}, handed
     * to {@code each} one at a time while the rows are read: for exports of any size in constant memory.
     *
     * @return how many studies were handed over
     */
    public long eachStudy(StudyFilter filter, Consumer<Study> each) {
        List<Object> params = new ArrayList<>();
        String clause = where(filter, params);
        return index.read("export studies", c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement(STUDY_COLUMNS + clause + STUDY_ORDER)) {
                bind(ps, params);
                ps.setFetchSize(500);
                List<Row> chunk = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        chunk.add(row(rs));
                        if (chunk.size() == 500) {
                            withCounts(c, chunk).forEach(each);
                            n += chunk.size();
                            chunk.clear();
                        }
                    }
                }
                withCounts(c, chunk).forEach(each);
                n += chunk.size();
            }
            return n;
        });
    }

    private static String where(StudyFilter filter, List<Object> params) {
        List<String> where = new ArrayList<>();
        condition(where, params, "p.patient_id = ?", filter.patientId());
        condition(where, params, "st.study_date >= ?", filter.dateFrom());
        condition(where, params, "st.study_date <= ?", filter.dateTo());
        condition(where, params, "st.accession_number = ?", filter.accessionNumber());
        condition(where, params, "EXISTS (SELECT 1 FROM series x WHERE x.study_fk = st.id AND x.modality = ?)",
                filter.modality());
        if (filter.deviceId() != null) {
            where.add("EXISTS (SELECT 1 FROM series x WHERE x.study_fk = st.id AND x.device_fk = ?)");
            params.add(filter.deviceId());
        }
        condition(where, params, "sd.dap_gym2 >= ?", filter.minDapGym2());
        condition(where, params, "sd.dlp_mgycm >= ?", filter.minDlpMGyCm());
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    /** The study with this Study Instance UID. */
    public Optional<Study> study(String studyInstanceUid) {
        return index.read("find study " + studyInstanceUid, c -> {
            try (PreparedStatement ps = c.prepareStatement(STUDY_COLUMNS + " WHERE st.study_instance_uid = ?")) {
                ps.setString(1, studyInstanceUid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(withCounts(c, List.of(row(rs))).get(0)) : Optional.empty();
                }
            }
        });
    }

    /** The series of a study, by Series Number (as text; none last) then UID; empty when the study is unknown. */
    public List<Series> series(String studyInstanceUid) {
        return index.read("list series of " + studyInstanceUid, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT se.series_instance_uid, se.modality, se.series_number, se.series_date,
                           se.series_description, se.body_part_examined,
                           (SELECT count(*) FROM instance i WHERE i.series_fk = se.id)
                    FROM series se JOIN study st ON st.id = se.study_fk WHERE st.study_instance_uid = ?
                    ORDER BY se.series_number IS NULL, se.series_number, se.series_instance_uid""")) {
                ps.setString(1, studyInstanceUid);
                List<Series> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Series(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getInt(7)));
                    }
                }
                return list;
            }
        });
    }

    /** The instances of a series of a study, by Instance Number then UID. */
    public List<Instance> instances(String studyInstanceUid, String seriesInstanceUid) {
        return index.read("list instances of " + seriesInstanceUid, c -> instances(c,
                "st.study_instance_uid = ? AND se.series_instance_uid = ?", studyInstanceUid, seriesInstanceUid));
    }

    /** The instance with this SOP Instance UID. */
    public Optional<Instance> instance(String sopInstanceUid) {
        return index.read("find instance " + sopInstanceUid,
                c -> instances(c, "i.sop_instance_uid = ?", sopInstanceUid).stream().findFirst());
    }

    /** How many instances the index holds. */
    public long instanceCount() {
        return index.read("count instances", c -> count(c, "SELECT count(*) FROM instance", List.of()));
    }

    /** Every device seen, most recent contact first. */
    public List<Device> devices() {
        return index.read("list devices", c -> {
            List<Device> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT d.id, d.manufacturer, d.model_name, d.serial_number, d.station_name, d.device_observer_uid,
                           count(DISTINCT se.id), count(i.id), max(i.received_at)
                    FROM device d JOIN series se ON se.device_fk = d.id JOIN instance i ON i.series_fk = se.id
                    GROUP BY d.id, d.manufacturer, d.model_name, d.serial_number, d.station_name,
                             d.device_observer_uid
                    ORDER BY max(i.received_at) DESC, d.id""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Device(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getInt(7), rs.getInt(8), senderAes(c, rs.getLong(1)),
                            rs.getLong(9)));
                }
            }
            return list;
        });
    }

    private static List<String> senderAes(Connection c, long deviceId) throws SQLException {
        List<String> aes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT i.sender_ae FROM instance i JOIN series se ON se.id = i.series_fk
                WHERE se.device_fk = ? AND i.sender_ae IS NOT NULL ORDER BY i.sender_ae""")) {
            ps.setLong(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    aes.add(rs.getString(1));
                }
            }
        }
        return aes;
    }

    private static List<Instance> instances(Connection c, String condition, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.sop_instance_uid, i.sop_class_uid, i.object_class, i.instance_number,
                       se.series_instance_uid, st.study_instance_uid, i.file_path, i.file_size,
                       i.transfer_syntax_uid, i.sender_ae, i.received_at, i.duplicates_received
                FROM instance i JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk
                WHERE""" + " " + condition
                + " ORDER BY i.instance_number IS NULL, i.instance_number, i.sop_instance_uid")) {
            bind(ps, Arrays.asList(params));
            List<Instance> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Instance(rs.getString(1), rs.getString(2), ObjectClass.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                            rs.getString(9), rs.getString(10), rs.getLong(11), rs.getInt(12)));
                }
            }
            return list;
        }
    }

    /** A study row as read, keyed by its index id until {@link #withCounts} fills modalities and counts. */
    private record Row(long id, Study study) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), new Study(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), List.of(), 0, 0,
                DoseQueries.summary(rs, "")));
    }

    /** The studies of {@code rows} with their modalities, series and instance counts: two queries for a page. */
    private static List<Study> withCounts(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        String in = " IN (" + String.join(", ", rows.stream().map(r -> "?").toList()) + ")";
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, TreeSet<String>> modalities = new HashMap<>();
        Map<Long, Integer> series = new HashMap<>();
        Map<Long, Integer> instances = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT study_fk, modality, count(*) FROM series"
                + " WHERE study_fk" + in + " GROUP BY study_fk, modality")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (rs.getString(2) != null) {
                        modalities.computeIfAbsent(id, k -> new TreeSet<>()).add(rs.getString(2));
                    }
                    series.merge(id, rs.getInt(3), Integer::sum);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT se.study_fk, count(*) FROM instance i"
                + " JOIN series se ON se.id = i.series_fk WHERE se.study_fk" + in + " GROUP BY se.study_fk")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    instances.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        List<Study> studies = new ArrayList<>();
        for (Row r : rows) {
            Study s = r.study();
            studies.add(new Study(s.studyInstanceUid(), s.studyDate(), s.studyTime(), s.accessionNumber(),
                    s.studyId(), s.studyDescription(), s.patientId(), s.patientName(),
                    List.copyOf(modalities.getOrDefault(r.id(), new TreeSet<>())),
                    series.getOrDefault(r.id(), 0), instances.getOrDefault(r.id(), 0), s.dose()));
        }
        return studies;
    }

    private static void condition(List<String> where, List<Object> params, String sql, String value) {
        if (value != null && !value.isBlank()) {
            where.add(sql);
            params.add(value.trim());
        }
    }

    private static void condition(List<String> where, List<Object> params, String sql, Double value) {
        if (value != null) {
            where.add(sql);
            params.add(value);
        }
    }

    private static long count(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Binds parameters in order; returns the next parameter index. */
    private static int bind(PreparedStatement ps, List<?> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }
}
