package org.kerma.registry.protocol;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.kerma.dicom.DicomObject;
import org.kerma.protocol.Compliance;
import org.kerma.protocol.ConstraintCheck;
import org.kerma.protocol.ConstraintResult;
import org.kerma.protocol.DefinedProtocol;
import org.kerma.protocol.PerformedProtocol;
import org.kerma.protocol.ProtocolFinding;
import org.kerma.registry.index.Findings;
import org.kerma.registry.index.Findings.Finding;

/**
 * Compliance of a subject (a performed protocol, or an image that references a defined protocol) with the defined
 * protocols it references, computed from the protocol tables and kept in {@code protocol_compliance}.
 *
 * <p>Order independence: compliance is a function of the subject's rows and of the defined protocols' rows, and
 * is recomputed for every subject a newly arrived protocol or image affects: the subject itself, the subjects that
 * reference an arriving defined protocol, and the images that reference an arriving performed protocol (which then
 * stand under it). An image is checked only when none of the performed protocols it references is in the registry
 * (the performed protocol is then the subject, PS3.3 C.34: its values are what was done).
 *
 * <p>Concurrency: every transaction that writes a protocol or a reference first takes a transaction lock on each
 * protocol UID involved (PostgreSQL advisory locks, in UID order; SQLite has one writer at a time anyway), so a
 * defined protocol and an image referencing it that arrive at once are serialised, and the later one sees the
 * earlier one's rows.
 *
 * <p>Problems met while checking (an element number the defined protocol does not have, a performed element with no
 * defined counterpart) become NOT_EVALUABLE rows without a constraint, and findings against the subject under
 * {@value #SOURCE}.
 */
final class ComplianceEvaluation {
    /** The source of the findings compliance records against its subjects. */
    static final String SOURCE = "protocol compliance";
    private static final long LOCK_SPACE = 0x4b45524dL << 32; // "KERM": apart from other advisory locks

    private ComplianceEvaluation() {
    }

    /** Takes a transaction lock on each protocol UID, in UID order (no-op on SQLite). */
    static void lock(Connection c, Collection<String> protocolUids) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            for (String uid : new TreeSet<>(protocolUids)) {
                int hash = UUID.nameUUIDFromBytes(uid.getBytes(StandardCharsets.US_ASCII)).hashCode();
                ps.setLong(1, LOCK_SPACE | (hash & 0xffffffffL));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
    }

    /** The instances with a reference to {@code protocolUid}, except {@code except}. */
    static Set<Long> dependents(Connection c, String protocolUid, long except) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT instance_fk FROM protocol_reference WHERE protocol_uid = ? ORDER BY instance_fk")) {
            ps.setString(1, protocolUid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(1) != except) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    /** A subject's references, as read from {@code protocol_reference}. */
    private record Ref(String referencingKind, String referenceKind, String protocolUid) {
    }

    /**
     * Recomputes the compliance rows of one subject and its {@value #SOURCE} findings.
     *
     * @return the number of rows written
     */
    static int recompute(Connection c, long subjectId) throws SQLException {
        delete(c, "DELETE FROM protocol_compliance WHERE subject_fk = ?", subjectId);
        Findings.forget(c, subjectId, SOURCE);
        List<Ref> refs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT referencing_kind, reference_kind,"
                + " protocol_uid FROM protocol_reference WHERE instance_fk = ? ORDER BY protocol_uid")) {
            ps.setLong(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(new Ref(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        if (refs.isEmpty()) {
            return 0;
        }
        boolean image = refs.get(0).referencingKind().equals("IMAGE");
        List<Compliance> results = new ArrayList<>();
        if (image) {
            for (Ref r : refs) {
                if (r.referenceKind().equals("PERFORMED") && dataset(c, r.protocolUid(), "PERFORMED").isPresent()) {
                    return 0; // the performed protocol it references is the subject
                }
            }
            DicomObject ds = imageDataset(c, subjectId);
            for (Ref r : refs) {
                Optional<DefinedProtocol> defined = r.referenceKind().equals("DEFINED")
                        ? dataset(c, r.protocolUid(), "DEFINED").map(d -> DefinedProtocol.read(d).value())
                        : Optional.empty();
                defined.ifPresent(d -> results.add(ConstraintCheck.checkImages(d, List.of(ds))));
            }
        } else {
            PerformedProtocol performed = PerformedProtocol.read(performedDataset(c, subjectId)).value();
            for (Ref r : refs) {
                dataset(c, r.protocolUid(), "DEFINED")
                        .ifPresent(d -> results.add(ConstraintCheck.check(DefinedProtocol.read(d).value(), performed)));
            }
        }
        return write(c, subjectId, image ? "IMAGE" : "PERFORMED", results);
    }

    private static int write(Connection c, long subjectId, String subjectKind, List<Compliance> results)
            throws SQLException {
        long now = System.currentTimeMillis();
        List<Finding> findings = new ArrayList<>();
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO protocol_compliance (subject_fk, subject_kind, defined_uid, scope, element_kind,
                    element_number, constraint_path, attribute_name, selector, constraint_type, outcome, actual,
                    allowed, reason, evaluated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Compliance compliance : results) {
                for (ConstraintResult r : compliance.results()) {
                    int i = 1;
                    ps.setLong(i++, subjectId);
                    ps.setString(i++, subjectKind);
                    ps.setString(i++, compliance.definedProtocolUid());
                    ps.setString(i++, r.scope());
                    ps.setString(i++, r.kind().map(Enum::name).orElse(null));
                    ps.setObject(i++, r.kind().isPresent() ? r.elementNumber() : null);
                    ps.setString(i++, r.constraint().path());
                    ps.setString(i++, r.constraint().attributeName());
                    ps.setString(i++, r.constraint().selector().describe());
                    ps.setString(i++, r.constraint().typeText());
                    ps.setString(i++, r.outcome().name());
                    ps.setString(i++, r.actualText());
                    ps.setString(i++, r.constraint().allowed());
                    ps.setString(i++, r.detail());
                    ps.setLong(i, now);
                    ps.addBatch();
                    rows++;
                }
                for (ProtocolFinding f : compliance.findings()) {
                    int i = 1;
                    ps.setLong(i++, subjectId);
                    ps.setString(i++, subjectKind);
                    ps.setString(i++, compliance.definedProtocolUid());
                    ps.setString(i++, "reference");
                    ps.setString(i++, null);
                    ps.setObject(i++, null);
                    ps.setString(i++, "");
                    ps.setString(i++, "");
                    ps.setString(i++, f.path());
                    ps.setString(i++, "");
                    ps.setString(i++, ConstraintResult.Outcome.NOT_EVALUABLE.name());
                    ps.setString(i++, "-");
                    ps.setString(i++, "");
                    ps.setString(i++, f.message());
                    ps.setLong(i, now);
                    ps.addBatch();
                    rows++;
                    findings.add(new Finding(Findings.Severity.WARNING, f.message(), "", f.path()));
                }
            }
            ps.executeBatch();
        }
        Findings.record(c, subjectId, SOURCE, findings, now);
        return rows;
    }

    /** The data set of the protocol with this UID and kind, if it is in the registry. */
    static Optional<DicomObject> dataset(Connection c, String uid, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT dataset FROM protocol WHERE sop_instance_uid = ? AND kind = ?")) {
            ps.setString(1, uid);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ProtocolTables.decode(rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    private static DicomObject performedDataset(Connection c, long instanceId) throws SQLException {
        return single(c, "SELECT dataset FROM protocol WHERE instance_fk = ?", instanceId);
    }

    private static DicomObject imageDataset(Connection c, long instanceId) throws SQLException {
        return single(c, "SELECT dataset FROM protocol_image WHERE instance_fk = ?", instanceId);
    }

    private static DicomObject single(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no data set for instance " + id + ": " + sql);
                }
                return ProtocolTables.decode(rs.getBytes(1));
            }
        }
    }

    private static void delete(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
