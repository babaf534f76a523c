package org.kerma.registry.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code finding} table: what extraction or validation found wrong with an instance, which stays indexed. */
public final class Findings {

    /** How bad a finding is. */
    public enum Severity { ERROR, WARNING, INFO }

    /**
     * One finding.
     *
     * @param source     what found it, e.g. {@code extractor DOSE_REPORT}
     * @param severity   how bad it is
     * @param message    the reason, naming where in the object
     * @param recordedAt milliseconds since the epoch
     */
    public record Finding(String source, Severity severity, String message, long recordedAt) {
    }

    private Findings() {
    }

    public static void record(Connection c, long instanceId, String source, Severity severity, String message,
                              long recordedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO finding (instance_fk, source, severity, message, recorded_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, instanceId);
            ps.setString(2, source);
            ps.setString(3, severity.name());
            ps.setString(4, message);
            ps.setLong(5, recordedAt);
            ps.executeUpdate();
        }
    }

    /** The findings recorded against an instance, oldest first. */
    public static List<Finding> of(Connection c, long instanceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT source, severity, message, recorded_at FROM finding WHERE instance_fk = ? ORDER BY id")) {
            ps.setLong(1, instanceId);
            List<Finding> findings = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    findings.add(new Finding(rs.getString(1), Severity.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getLong(4)));
                }
            }
            return findings;
        }
    }
}
