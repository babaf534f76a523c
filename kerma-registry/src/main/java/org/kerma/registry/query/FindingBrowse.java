package org.kerma.registry.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kerma.registry.index.Findings;
import org.kerma.registry.index.IndexDatabase;

/**
 * The queries behind the findings API: the findings of an instance, of a study (per instance), and all findings
 * with filters, counts and paging. Read-only; thread-safe.
 */
public final class FindingBrowse {

    /**
     * One finding as listed.
     *
     * @param source     what found it: an extractor's name ({@code validation}, {@code dose report}, ...)
     * @param recordedAt milliseconds since the epoch
     */
    public record Item(String source, Findings.Severity severity, String message, String module, String location,
                       long recordedAt) {
    }

    /** The findings of one instance. */
    public record InstanceFindings(String sopInstanceUid, String sopClassUid, String seriesInstanceUid,
                                   String modality, List<Item> findings) {
    }

    /** A finding with the instance, series and study it is about. */
    public record Located(String sopInstanceUid, String seriesInstanceUid, String studyInstanceUid, String modality,
                          String studyDate, Item finding) {
    }

    /** How many findings matching a filter one source recorded with one severity. */
    public record Count(String source, Findings.Severity severity, long count) {
    }

    /**
     * One page of findings.
     *
     * @param total  every finding matching the filter
     * @param counts of those, how many per source and severity (sorted by source, then severity)
     */
    public record Page(long total, int offset, int limit, List<Count> counts, List<Located> items) {
    }

    private static final String FROM = " FROM finding f JOIN instance i ON i.id = f.instance_fk"
            + " JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk";
    private static final String ITEM = "f.source, f.severity, f.message, f.module, f.location, f.recorded_at";

    private final IndexDatabase index;

    public FindingBrowse(IndexDatabase index) {
        this.index = index;
    }

    /** The findings of an instance, oldest first; empty when the instance is not in the registry. */
    public Optional<InstanceFindings> ofInstance(String sopInstanceUid) {
        return index.read("findings of instance " + sopInstanceUid, c -> {
            List<InstanceFindings> found = perInstance(c, "i.sop_instance_uid = ?", sopInstanceUid);
            return found.stream().findFirst();
        });
    }

    /**
     * The findings of every instance of a study, per instance (by Series then Instance UID; instances without
     * findings included, with none); empty when the study is not in the registry.
     */
    public Optional<List<InstanceFindings>> ofStudy(String studyInstanceUid) {
        return index.read("findings of study " + studyInstanceUid, c -> {
            List<InstanceFindings> found = perInstance(c, "st.study_instance_uid = ?", studyInstanceUid);
            return found.isEmpty() ? Optional.empty() : Optional.of(found);
        });
    }

    /** The findings matching {@code filter}, newest first, with counts per source and severity. */
    public Page list(FindingFilter filter) {
        List<String> where = new ArrayList<>();
        List<String> params = new ArrayList<>();
        condition(where, params, "f.severity = ?", filter.severity() == null ? null : filter.severity().name());
        condition(where, params, "f.source = ?", filter.source());
        condition(where, params, "se.modality = ?", filter.modality());
        condition(where, params, "st.study_date >= ?", filter.dateFrom());
        condition(where, params, "st.study_date <= ?", filter.dateTo());
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return index.read("list findings", c -> {
            List<Count> counts = new ArrayList<>();
            long total = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT f.source, f.severity, count(*)" + FROM + clause
                    + " GROUP BY f.source, f.severity ORDER BY f.source, f.severity")) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.add(new Count(rs.getString(1), Findings.Severity.valueOf(rs.getString(2)),
                                rs.getLong(3)));
                        total += rs.getLong(3);
                    }
                }
            }
            List<Located> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.sop_instance_uid, se.series_instance_uid,"
                    + " st.study_instance_uid, se.modality, st.study_date, " + ITEM + FROM + clause
                    + " ORDER BY f.id DESC LIMIT ? OFFSET ?")) {
                int n = bind(ps, params);
                ps.setInt(n++, filter.limit());
                ps.setInt(n, filter.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Located(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), item(rs, 6)));
                    }
                }
            }
            return new Page(total, filter.offset(), filter.limit(), List.copyOf(counts), List.copyOf(items));
        });
    }

    private static List<InstanceFindings> perInstance(Connection c, String condition, String uid)
            throws SQLException {
        Map<String, InstanceFindings> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.sop_instance_uid, i.sop_class_uid,"
                + " se.series_instance_uid, se.modality, " + ITEM
                + " FROM instance i JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk"
                + " LEFT JOIN finding f ON f.instance_fk = i.id WHERE " + condition
                + " ORDER BY se.series_instance_uid, i.sop_instance_uid, f.id")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    InstanceFindings instance = found.get(rs.getString(1));
                    if (instance == null) {
                        instance = new InstanceFindings(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), new ArrayList<>());
                        found.put(instance.sopInstanceUid(), instance);
                    }
                    if (rs.getString(5) != null) {
                        instance.findings().add(item(rs, 5));
                    }
                }
            }
        }
        List<InstanceFindings> list = new ArrayList<>();
        found.values().forEach(f -> list.add(new InstanceFindings(f.sopInstanceUid(), f.sopClassUid(),
                f.seriesInstanceUid(), f.modality(), List.copyOf(f.findings()))));
        return list;
    }

    private static Item item(ResultSet rs, int first) throws SQLException {
        return new Item(rs.getString(first), Findings.Severity.valueOf(rs.getString(first + 1)),
                rs.getString(first + 2), rs.getString(first + 3), rs.getString(first + 4), rs.getLong(first + 5));
    }

    private static void condition(List<String> where, List<String> params, String sql, String value) {
        if (value != null && !value.isBlank()) {
            where.add(sql);
            params.add(value.trim());
        }
    }

    /** Binds string parameters in order; returns the next parameter index. */
    private static int bind(PreparedStatement ps, List<String> params) throws SQLException {
        int i = 1;
        for (String p : params) {
            ps.setString(i++, p);
        }
        return i;
    }
}
