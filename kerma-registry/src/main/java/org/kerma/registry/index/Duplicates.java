package org.kerma.registry.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code duplicate} table: every copy of an instance received after the first, and what was done with it. */
public final class Duplicates {

    /** What the registry did with a second copy of an instance. */
    public enum Action {
        /** Same bytes as the archived copy: counted, not stored again. */
        IDENTICAL,
        /** Different bytes, policy keep-first: the archived copy stays, the new one is dropped. */
        KEPT_FIRST,
        /** Different bytes, policy replace: the new copy took the archived one's place. */
        REPLACED,
        /** Different bytes, policy keep-both: the new copy is archived beside the first. */
        KEPT_BOTH
    }

    /**
     * One recorded duplicate.
     *
     * @param action     what was done
     * @param sha256     digest of the copy received
     * @param fileSize   its length in bytes
     * @param filePath   where it is archived (keep-both), or null when it was not kept apart
     * @param senderAe   who sent it, or null
     * @param receivedAt milliseconds since the epoch
     */
    public record Duplicate(Action action, String sha256, long fileSize, String filePath, String senderAe,
                            long receivedAt) {
    }

    private Duplicates() {
    }

    /** Records a duplicate and counts it on the instance. */
    public static void record(Connection c, long instanceId, Duplicate d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO duplicate (instance_fk, action, sha256, file_size, file_path, sender_ae, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            Hierarchy.bind(ps, new Object[] {instanceId, d.action().name(), d.sha256(), d.fileSize(), d.filePath(),
                    d.senderAe(), d.receivedAt()});
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE instance SET duplicates_received = duplicates_received + 1 WHERE id = ?")) {
            ps.setLong(1, instanceId);
            ps.executeUpdate();
        }
    }

    /** The duplicates recorded for an instance, oldest first. */
    public static List<Duplicate> of(Connection c, long instanceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT action, sha256, file_size, file_path, sender_ae, received_at FROM duplicate
                WHERE instance_fk = ? ORDER BY id""")) {
            ps.setLong(1, instanceId);
            List<Duplicate> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Duplicate(Action.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6)));
                }
            }
            return list;
        }
    }
}
