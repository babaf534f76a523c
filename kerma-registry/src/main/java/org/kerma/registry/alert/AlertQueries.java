package org.kerma.registry.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kerma.dose.reference.DoseQuantity;
import org.kerma.registry.index.IndexDatabase;

/**
 * The alert inbox and the reference level comparisons of a study, behind {@code /api/alerts},
 * {@code /api/studies/{uid}/reference-levels} and {@code kerma alerts}. Values are in the canonical unit of their
 * quantity ({@code org.kerma.dose.reference.DoseQuantity}). Thread-safe.
 */
public final class AlertQueries {
    /** An alert: a study above the threshold of a rule; instants are ISO-8601 UTC. */
    public record Alert(long id, String studyInstanceUid, String studyDate, String rule, String quantity,
                        String unit, double value, double threshold, int windowDays, String raisedAt, String state,
                        String acknowledgedBy, String acknowledgedAt, String comment) {
    }

    /** Which alerts: state OPEN or ACKNOWLEDGED (null: both), one study, study dates from/to (ISO, inclusive). */
    public record AlertFilter(String state, String studyInstanceUid, String dateFrom, String dateTo, int limit,
                              int offset) {
        public static AlertFilter all() {
            return new AlertFilter(null, null, null, null, 100, 0);
        }
    }

    /** A page of alerts, newest study first, and how many match in all. */
    public record AlertPage(long total, List<Alert> alerts) {
    }

    /** A study compared with one reference level. */
    public record Comparison(String packId, String jurisdiction, String pack, String version, String source,
                             String exam, String quantity, String unit, double level, double value, double ratio,
                             boolean exceeded) {
    }

    private static final String COLUMNS = "SELECT id, study_instance_uid, study_date, rule_name, quantity, value,"
            + " threshold, window_days, raised_at, state, acknowledged_by, acknowledged_at, ack_comment FROM alert";

    private final IndexDatabase index;

    public AlertQueries(IndexDatabase index) {
        this.index = index;
    }

    public AlertPage alerts(AlertFilter f) {
        if (f.state() != null && !f.state().equals("OPEN") && !f.state().equals("ACKNOWLEDGED")) {
            throw new IllegalArgumentException("state must be OPEN or ACKNOWLEDGED, not '" + f.state() + "'");
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(where, params, " AND state = ?", f.state());
        condition(where, params, " AND study_instance_uid = ?", f.studyInstanceUid());
        condition(where, params, " AND study_date >= ?", f.dateFrom());
        condition(where, params, " AND study_date <= ?", f.dateTo());
        return index.read("list alerts", c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM alert" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Alert> page = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + where
                    + " ORDER BY study_date IS NULL, study_date DESC, id DESC LIMIT ? OFFSET ?")) {
                int n = bind(ps, params);
                ps.setInt(n, Math.max(1, Math.min(f.limit(), 1000)));
                ps.setInt(n + 1, Math.max(0, f.offset()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(alert(rs));
                    }
                }
            }
            return new AlertPage(total, page);
        });
    }

    /**
     * Acknowledges alert {@code id} by {@code by} with {@code comment}; acknowledging again replaces who, when and
     * the comment.
     *
     * @return the alert as acknowledged; empty when there is no such alert
     */
    public Optional<Alert> acknowledge(long id, String by, String comment, Instant at) {
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("who acknowledges the alert is required");
        }
        return index.inTransaction("acknowledge alert " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE alert SET state = 'ACKNOWLEDGED',"
                    + " acknowledged_by = ?, acknowledged_at = ?, ack_comment = ? WHERE id = ?")) {
                ps.setString(1, by.strip());
                ps.setLong(2, at.toEpochMilli());
                ps.setString(3, comment);
                ps.setLong(4, id);
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return alert(c, id);
        });
    }

    /** The comparisons of a study with the reference levels valid at its date; empty when the study is unknown. */
    public Optional<List<Comparison>> comparisons(String studyInstanceUid) {
        return index.read("read the reference level comparison of study " + studyInstanceUid, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM study WHERE study_instance_uid = ?")) {
                ps.setString(1, studyInstanceUid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            List<Comparison> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.pack_id, p.jurisdiction, p.name, p.version, p.source, l.exam, l.quantity, l.value,
                           rc.value, rc.ratio, rc.exceeded
                    FROM reference_comparison rc JOIN study st ON st.id = rc.study_fk
                    JOIN reference_level l ON l.id = rc.level_fk JOIN reference_pack p ON p.id = l.pack_fk
                    WHERE st.study_instance_uid = ? ORDER BY p.shipped DESC, p.pack_id, l.seq""")) {
                ps.setString(1, studyInstanceUid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Comparison(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), unit(rs.getString(7)),
                                rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getInt(11) == 1));
                    }
                }
            }
            return Optional.of(out);
        });
    }

    private static Optional<Alert> alert(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(alert(rs)) : Optional.empty();
            }
        }
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        long ackAt = rs.getLong(12);
        String acknowledgedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ackAt).toString();
        return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                unit(rs.getString(5)), rs.getDouble(6), rs.getDouble(7), rs.getInt(8),
                Instant.ofEpochMilli(rs.getLong(9)).toString(), rs.getString(10), rs.getString(11), acknowledgedAt,
                rs.getString(13));
    }

    /** The UCUM code of the canonical unit of a quantity name. */
    static String unit(String quantity) {
        return DoseQuantity.valueOf(quantity).unit().ucum();
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, String value) {
        if (value != null && !value.isBlank()) {
            where.append(sql);
            params.add(value.strip());
        }
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }
}
