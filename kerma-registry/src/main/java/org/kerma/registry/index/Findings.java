package org.kerma.registry.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code finding} table: what extraction or validation found wrong with an instance, which stays indexed.
 */
public final class Findings {

    /** How bad a finding is. */
    public enum Severity { ERROR, WARNING, INFO }

    /**
     * What an extractor or the validator found in an object.
     *
     * @param severity how bad it is
     * @param message  the reason, naming what is wrong
     * @param module   the IOD module concerned (validation), or empty
     * @param location where in the object: a tag path such as {@code (0040,A730)[1].(0040,A043)} or a content-item
     *                 path such as {@code content item 1.4.2}, or empty
     */
    public record Finding(Severity severity, String message, String module, String location) {
        public Finding {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(message, "message");
            module = module == null ? "" : module;
            location = location == null ? "" : location;
        }

        /** A finding with no module and no location. */
        public static Finding of(Severity severity, String message) {
            return new Finding(severity, message, "", "");
        }
    }

    /**
     * A finding as recorded against an instance.
     *
     * @param source     what found it: an extractor's name, e.g. {@code dose report}
     * @param finding    what was found
     * @param recordedAt milliseconds since the epoch
     */
    public record Recorded(String source, Finding finding, long recordedAt) {
        public Severity severity() {
            return finding.severity();
        }

        public String message() {
            return finding.message();
        }
    }

    private Findings() {
    }

    /** Records {@code findings} against an instance, all from {@code source}. */
    public static void record(Connection c, long instanceId, String source, List<Finding> findings, long recordedAt)
            throws SQLException {
        if (findings.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding (instance_fk, source, severity, message,"
                + " module, location, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Finding f : findings) {
                ps.setLong(1, instanceId);
                ps.setString(2, source);
                ps.setString(3, f.severity().name());
                ps.setString(4, f.message());
                ps.setString(5, f.module());
                ps.setString(6, f.location());
                ps.setLong(7, recordedAt);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Removes the findings that {@code source} recorded against an instance (before it extracts again). */
    public static void forget(Connection c, long instanceId, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM finding WHERE instance_fk = ? AND source = ?")) {
            ps.setLong(1, instanceId);
            ps.setString(2, source);
            ps.executeUpdate();
        }
    }

    /** The findings recorded against an instance, oldest first. */
    public static List<Recorded> of(Connection c, long instanceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT source, severity, message, module, location,"
                + " recorded_at FROM finding WHERE instance_fk = ? ORDER BY id")) {
            ps.setLong(1, instanceId);
            List<Recorded> findings = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    findings.add(new Recorded(rs.getString(1), new Finding(Severity.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5)), rs.getLong(6)));
                }
            }
            return findings;
        }
    }
}
