package org.kerma.registry.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kerma.dose.reference.AlertRule;
import org.kerma.dose.reference.AlertRules;
import org.kerma.dose.reference.DoseQuantity;
import org.kerma.dose.reference.ExamMatch;
import org.kerma.dose.reference.ReferenceLevel;
import org.kerma.dose.reference.ReferenceLevels;
import org.kerma.dose.reference.ReferencePack;
import org.kerma.registry.index.IndexDatabase;

/**
 * The reference level packs and alert rules of a registry, in its tables {@code reference_pack},
 * {@code reference_level} and {@code alert_rule}: the shipped ones written at open ({@link #install}), the local
 * ones users add. Thread-safe.
 */
public final class ReferenceData {
    /** A stored pack with the row ids of its levels (in order), which comparisons refer to. */
    public record StoredPack(long id, ReferencePack pack, List<Long> levelIds) {
    }

    private final IndexDatabase index;

    public ReferenceData(IndexDatabase index) {
        this.index = index;
    }

    /**
     * Writes the packs (each version once) and default rules (each name once: a rule changed or disabled locally
     * stays as it is) Kerma ships when they are absent. Safe to run by several processes at once.
     */
    public void install() {
        index.inTransaction("install the shipped reference levels and alert rules", c -> {
            for (ReferencePack pack : ReferenceLevels.shipped()) {
                insertPack(c, pack);
            }
            for (AlertRule rule : AlertRules.defaults()) {
                insertRule(c, rule, false);
            }
            return null;
        });
    }

    /** Every pack version, shipped first, each with its levels in matching order. */
    public List<StoredPack> packs() {
        return index.read("read the reference level packs", ReferenceData::packs);
    }

    static List<StoredPack> packs(Connection c) throws SQLException {
        Map<Long, ReferencePack> packs = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, pack_id, jurisdiction, name, version, valid_from, valid_to,"
                     + " source, shipped FROM reference_pack ORDER BY shipped DESC, pack_id, valid_from")) {
            while (rs.next()) {
                packs.put(rs.getLong(1), new ReferencePack(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), LocalDate.parse(rs.getString(6)),
                        Optional.ofNullable(rs.getString(7)).map(LocalDate::parse), rs.getString(8),
                        rs.getInt(9) == 1, List.of()));
            }
        }
        Map<Long, List<ReferenceLevel>> levels = new LinkedHashMap<>();
        Map<Long, List<Long>> ids = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, pack_fk, exam, modalities, match_pattern, exclude_pattern,"
                     + " quantity, value, note FROM reference_level ORDER BY pack_fk, seq")) {
            while (rs.next()) {
                long pack = rs.getLong(2);
                levels.computeIfAbsent(pack, k -> new ArrayList<>()).add(new ReferenceLevel(rs.getString(3),
                        ExamMatch.of(rs.getString(4), rs.getString(5), rs.getString(6)),
                        DoseQuantity.valueOf(rs.getString(7)), rs.getDouble(8), rs.getString(9)));
                ids.computeIfAbsent(pack, k -> new ArrayList<>()).add(rs.getLong(1));
            }
        }
        List<StoredPack> out = new ArrayList<>();
        packs.forEach((id, p) -> out.add(new StoredPack(id, new ReferencePack(p.id(), p.jurisdiction(), p.name(),
                p.version(), p.validFrom(), p.validTo(), p.source(), p.shipped(), levels.getOrDefault(id, List.of())),
                ids.getOrDefault(id, List.of()))));
        return out;
    }

    /**
     * Adds a local level to the local pack {@code packId} of {@code version}, creating the pack (with the
     * jurisdiction, name, validity and source given) when it does not exist. Levels added later match after those
     * added earlier.
     *
     * @return the level's row id
     * @throws IllegalArgumentException when {@code packId} names a shipped pack
     */
    public long addLocalLevel(ReferencePack pack, ReferenceLevel level) {
        if (pack.shipped()) {
            throw new IllegalArgumentException("a local level cannot be added to a shipped pack");
        }
        return index.inTransaction("add a local reference level to pack " + pack.id(), c -> {
            Optional<Long> existing = packKey(c, pack.id(), pack.version());
            if (existing.isPresent() && shipped(c, existing.get())) {
                throw new IllegalArgumentException("pack " + pack.id() + " " + pack.version()
                        + " is shipped with Kerma; add local levels to a pack of your own");
            }
            long packFk = existing.isPresent() ? existing.get() : insertPack(c, new ReferencePack(pack.id(),
                    pack.jurisdiction(), pack.name(), pack.version(), pack.validFrom(), pack.validTo(), pack.source(),
                    false, List.of())).orElseThrow();
            int seq;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(MAX(seq), 0) FROM reference_level WHERE pack_fk = ?")) {
                ps.setLong(1, packFk);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1) + 1;
                }
            }
            return insertLevel(c, packFk, seq, level);
        });
    }

    /** Every alert rule, in the order written (the defaults at the first open). */
    public List<AlertRule> rules() {
        return index.read("read the alert rules", ReferenceData::rules);
    }

    static List<AlertRule> rules(Connection c) throws SQLException {
        List<AlertRule> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, modalities, device_pattern, match_pattern, exclude_pattern,"
                     + " quantity, threshold, window_days, source, shipped, enabled FROM alert_rule"
                     + " ORDER BY id")) {
            while (rs.next()) {
                out.add(new AlertRule(rs.getString(1), ExamMatch.of(rs.getString(2), rs.getString(4),
                        rs.getString(5)), rs.getString(3), DoseQuantity.valueOf(rs.getString(6)), rs.getDouble(7),
                        rs.getInt(8), rs.getString(9), rs.getInt(10) == 1, rs.getInt(11) == 1));
            }
        }
        return out;
    }

    /**
     * Adds a local rule, or changes the rule of the same name (a default changed locally stays marked shipped, so
     * it is still shown as a default, reviewed locally). Alerts raised before keep their threshold until their study
     * is evaluated again.
     */
    public void saveRule(AlertRule rule) {
        index.inTransaction("save alert rule " + rule.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE alert_rule SET modalities = ?, device_pattern = ?,"
                    + " match_pattern = ?, exclude_pattern = ?, quantity = ?, threshold = ?, window_days = ?,"
                    + " source = ?, enabled = ? WHERE name = ?")) {
                ps.setString(1, rule.match().modalityList());
                ps.setString(2, rule.device());
                ps.setString(3, rule.match().pattern());
                ps.setString(4, rule.match().exclude());
                ps.setString(5, rule.quantity().name());
                ps.setDouble(6, rule.threshold());
                ps.setInt(7, rule.windowDays());
                ps.setString(8, rule.source());
                ps.setInt(9, rule.enabled() ? 1 : 0);
                ps.setString(10, rule.name());
                if (ps.executeUpdate() > 0) {
                    return null;
                }
            }
            insertRule(c, rule, true);
            return null;
        });
    }

    private static Optional<Long> insertPack(Connection c, ReferencePack pack) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reference_pack (pack_id, jurisdiction, name,"
                + " version, valid_from, valid_to, source, shipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (pack_id, version) DO NOTHING")) {
            ps.setString(1, pack.id());
            ps.setString(2, pack.jurisdiction());
            ps.setString(3, pack.name());
            ps.setString(4, pack.version());
            ps.setString(5, pack.validFrom().toString());
            ps.setString(6, pack.validTo().map(LocalDate::toString).orElse(null));
            ps.setString(7, pack.source());
            ps.setInt(8, pack.shipped() ? 1 : 0);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        long id = packKey(c, pack.id(), pack.version()).orElseThrow();
        int seq = 0;
        for (ReferenceLevel level : pack.levels()) {
            insertLevel(c, id, ++seq, level);
        }
        return Optional.of(id);
    }

    private static long insertLevel(Connection c, long packFk, int seq, ReferenceLevel level) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reference_level (pack_fk, seq, exam, modalities,"
                + " match_pattern, exclude_pattern, quantity, value, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, packFk);
            ps.setInt(2, seq);
            ps.setString(3, level.exam());
            ps.setString(4, level.match().modalityList());
            ps.setString(5, level.match().pattern());
            ps.setString(6, level.match().exclude());
            ps.setString(7, level.quantity().name());
            ps.setDouble(8, level.value());
            ps.setString(9, level.note() == null ? "" : level.note());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM reference_level WHERE pack_fk = ? AND seq = ?")) {
            ps.setLong(1, packFk);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertRule(Connection c, AlertRule rule, boolean replace) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_rule (name, modalities, device_pattern,"
                + " match_pattern, exclude_pattern, quantity, threshold, window_days, source, shipped, enabled)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + (replace ? "" : " ON CONFLICT (name) DO NOTHING"))) {
            ps.setString(1, rule.name());
            ps.setString(2, rule.match().modalityList());
            ps.setString(3, rule.device());
            ps.setString(4, rule.match().pattern());
            ps.setString(5, rule.match().exclude());
            ps.setString(6, rule.quantity().name());
            ps.setDouble(7, rule.threshold());
            ps.setInt(8, rule.windowDays());
            ps.setString(9, rule.source());
            ps.setInt(10, rule.shipped() ? 1 : 0);
            ps.setInt(11, rule.enabled() ? 1 : 0);
            ps.executeUpdate();
        }
    }

    private static Optional<Long> packKey(Connection c, String packId, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM reference_pack WHERE pack_id = ? AND version = ?")) {
            ps.setString(1, packId);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static boolean shipped(Connection c, long pack) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT shipped FROM reference_pack WHERE id = ?")) {
            ps.setLong(1, pack);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }
}
