package org.kerma.registry.protocol;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.protocol.CrossReferenceTree;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.query.Browse.Page;

/**
 * The queries behind {@code /api/protocols}, {@code /api/studies/{uid}/protocols} and {@code kerma protocol ...
 * --data}: the protocol library, one protocol with its elements and constraints, compliance, and a study's cross
 * references. Read-only, from the protocol tables (never from the archived files); thread-safe.
 */
public final class ProtocolQueries {

    /**
     * Which protocols to list; null or blank fields do not filter.
     *
     * @param kind         DEFINED (the library, the default), PERFORMED or ALL
     * @param modality     CT or XA
     * @param manufacturer a Manufacturer of the Model Specification Sequence, ignoring case
     * @param model        a Manufacturer's Model Name or Related Model Group of it, ignoring case
     * @param anatomy      the anatomic region: its code value, or its code meaning ignoring case
     * @param name         part of the Protocol Name, ignoring case
     * @param offset       rows to skip
     * @param limit        rows to return, 1 to 1000
     */
    public record LibraryFilter(String kind, String modality, String manufacturer, String model, String anatomy,
                                String name, int offset, int limit) {
        public LibraryFilter {
            kind = kind == null || kind.isBlank() ? "DEFINED" : kind.trim().toUpperCase(Locale.ROOT);
            if (!List.of("DEFINED", "PERFORMED", "ALL").contains(kind)) {
                throw new IllegalArgumentException("kind must be defined, performed or all, was '" + kind + "'");
            }
            if (offset < 0 || limit < 1 || limit > 1000) {
                throw new IllegalArgumentException("offset must be >= 0 and limit 1 to 1000, were " + offset + " and "
                        + limit);
            }
        }
    }

    /** A model a protocol is for (Model Specification Sequence item). */
    public record Model(String manufacturer, String modelGroup, String modelName, String softwareVersions) {
    }

    /** A code as the tables hold it. */
    public record CodeText(String value, String scheme, String meaning) {
    }

    /** A protocol as listed. */
    public record ProtocolSummary(String sopInstanceUid, String sopClassUid, String kind, String modality,
                                  String protocolName, String equipmentModality, List<Model> models,
                                  CodeText anatomicRegion, String patientPosition, String responsibleGroup,
                                  String studyInstanceUid, int elements, int constraints) {
    }

    /** A constraint, readable. */
    public record Constraint(String attribute, String selector, String selectorAttribute, String vr, String type,
                             String values, String allowed, String units, String modifiable, String significance,
                             String path) {
    }

    /** An element with its constraints (defined protocols) or without (performed ones). */
    public record Element(String kind, int number, String name, String purpose, List<Integer> sourceAcquisition,
                          List<Integer> sourceReconstruction, String sourceProtocolUid, String path,
                          List<Constraint> constraints) {
    }

    /** A reference from a protocol or image to a protocol (element). */
    public record Reference(String referenceKind, String protocolUid, String elementKind, Integer elementNumber,
                            String level, String path) {
    }

    /**
     * One protocol with everything the tables hold of it.
     *
     * @param references for a performed protocol, the defined protocols it followed
     * @param referencedBy the instances that reference this protocol: SOP Instance UID to how many references
     */
    public record ProtocolDetail(ProtocolSummary protocol, List<Constraint> patientSpecification,
                                 List<Element> elements, List<Reference> references,
                                 Map<String, Integer> referencedBy) {
    }

    /** One evaluated constraint (or a reference that could not be evaluated: {@code constraintPath} empty). */
    public record ComplianceRow(String subjectUid, String subjectKind, String definedUid, String scope,
                                String elementKind, Integer elementNumber, String attribute, String selector,
                                String constraintType, String outcome, String actual, String allowed, String reason,
                                String constraintPath) {
    }

    /** Compliance rows with their counts per outcome. */
    public record ComplianceReport(String protocolUid, String kind, long pass, long fail, long notEvaluable,
                                   List<ComplianceRow> rows) {
    }

    private static final String SUMMARY = """
            SELECT p.id, p.sop_instance_uid, p.sop_class_uid, p.kind, p.modality, p.protocol_name,
                   p.equipment_modality, p.anatomic_region_value, p.anatomic_region_scheme,
                   p.anatomic_region_meaning, p.patient_position, p.responsible_group, p.study_instance_uid,
                   (SELECT count(*) FROM protocol_element e WHERE e.protocol_fk = p.id),
                   (SELECT count(*) FROM protocol_constraint k WHERE k.protocol_fk = p.id)
            FROM protocol p""";

    private final IndexDatabase index;

    public ProtocolQueries(IndexDatabase index) {
        this.index = index;
    }

    /** The protocols matching {@code filter}, by Protocol Name then SOP Instance UID. */
    public Page<ProtocolSummary> library(LibraryFilter filter) {
        List<String> where = new ArrayList<>();
        List<String> params = new ArrayList<>();
        if (!filter.kind().equals("ALL")) {
            where.add("p.kind = ?");
            params.add(filter.kind());
        }
        if (present(filter.modality())) {
            where.add("p.modality = ?");
            params.add(filter.modality().trim().toUpperCase(Locale.ROOT));
        }
        if (present(filter.manufacturer())) {
            where.add("EXISTS (SELECT 1 FROM protocol_model m WHERE m.protocol_fk = p.id"
                    + " AND lower(m.manufacturer) = ?)");
            params.add(filter.manufacturer().trim().toLowerCase(Locale.ROOT));
        }
        if (present(filter.model())) {
            where.add("EXISTS (SELECT 1 FROM protocol_model m WHERE m.protocol_fk = p.id"
                    + " AND (lower(m.model_name) = ? OR lower(m.model_group) = ?))");
            params.add(filter.model().trim().toLowerCase(Locale.ROOT));
            params.add(filter.model().trim().toLowerCase(Locale.ROOT));
        }
        if (present(filter.anatomy())) {
            where.add("(p.anatomic_region_value = ? OR lower(p.anatomic_region_meaning) = ?)");
            params.add(filter.anatomy().trim());
            params.add(filter.anatomy().trim().toLowerCase(Locale.ROOT));
        }
        if (present(filter.name())) {
            where.add("lower(p.protocol_name) LIKE ?");
            params.add("%" + filter.name().trim().toLowerCase(Locale.ROOT) + "%");
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return index.read("list protocols", c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM protocol p" + condition)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<ProtocolSummary> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SUMMARY + condition
                    + " ORDER BY p.protocol_name, p.sop_instance_uid LIMIT " + filter.limit() + " OFFSET "
                    + filter.offset())) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(summary(c, rs));
                    }
                }
            }
            return new Page<>(total, filter.offset(), filter.limit(), items);
        });
    }

    /** The protocol with this SOP Instance UID, with its elements, constraints and references. */
    public Optional<ProtocolDetail> protocol(String uid) {
        return index.read("read protocol " + uid, c -> {
            long id;
            ProtocolSummary summary;
            try (PreparedStatement ps = c.prepareStatement(SUMMARY + " WHERE p.sop_instance_uid = ?")) {
                ps.setString(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getLong(1);
                    summary = summary(c, rs);
                }
            }
            Map<Long, List<Constraint>> constraints = constraints(c, id);
            List<Element> elements = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, element_number, name, purpose,"
                    + " source_acquisition, source_reconstruction, source_protocol_uid, item_path"
                    + " FROM protocol_element WHERE protocol_fk = ? ORDER BY id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        elements.add(new Element(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                                ProtocolTables.parseNumbers(rs.getString(6)),
                                ProtocolTables.parseNumbers(rs.getString(7)), rs.getString(8), rs.getString(9),
                                constraints.getOrDefault(rs.getLong(1), List.of())));
                    }
                }
            }
            List<Reference> references = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT r.reference_kind, r.protocol_uid, r.element_kind, r.element_number, r.level, r.item_path
                    FROM protocol_reference r JOIN protocol p ON p.instance_fk = r.instance_fk
                    WHERE p.id = ? ORDER BY r.id""")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        references.add(new Reference(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4) == null ? null : rs.getInt(4), rs.getString(5),
                                rs.getString(6)));
                    }
                }
            }
            Map<String, Integer> referencedBy = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.sop_instance_uid, count(*)
                    FROM protocol_reference r JOIN instance i ON i.id = r.instance_fk
                    WHERE r.protocol_uid = ? GROUP BY i.sop_instance_uid ORDER BY i.sop_instance_uid""")) {
                ps.setString(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        referencedBy.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return Optional.of(new ProtocolDetail(summary, constraints.getOrDefault(0L, List.of()), elements,
                    references, referencedBy));
        });
    }

    /** The data set of a protocol as stored at ingest, if it is in the registry. */
    public Optional<DicomObject> dataset(String uid) {
        return index.read("read protocol " + uid, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT dataset FROM protocol WHERE sop_instance_uid = ?")) {
                ps.setString(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ProtocolTables.decode(rs.getBytes(1))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Compliance with a protocol: for a defined protocol, every evaluation against it (performed protocols and
     * images); for a performed one, its own evaluations. Empty when the protocol is not in the registry.
     */
    public Optional<ComplianceReport> compliance(String uid) {
        return index.read("read the compliance of " + uid, c -> {
            String kind;
            try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM protocol WHERE sop_instance_uid = ?")) {
                ps.setString(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    kind = rs.getString(1);
                }
            }
            String where = kind.equals("DEFINED") ? "x.defined_uid = ?" : "i.sop_instance_uid = ?";
            List<ComplianceRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.sop_instance_uid, x.subject_kind, x.defined_uid, x.scope, x.element_kind,
                           x.element_number, x.attribute_name, x.selector, x.constraint_type, x.outcome, x.actual,
                           x.allowed, x.reason, x.constraint_path
                    FROM protocol_compliance x JOIN instance i ON i.id = x.subject_fk
                    WHERE """ + " " + where + " ORDER BY i.sop_instance_uid, x.id")) {
                ps.setString(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ComplianceRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getObject(6) == null ? null : rs.getInt(6),
                                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14)));
                    }
                }
            }
            return Optional.of(new ComplianceReport(uid, kind, count(rows, "PASS"), count(rows, "FAIL"),
                    count(rows, "NOT_EVALUABLE"), rows));
        });
    }

    /**
     * The cross references of a study as a tree: the defined protocols its performed protocols and images
     * reference, its performed protocols, its images that reference protocols, and their irradiation events.
     * Sources are named by their archived file. Empty when the study is not in the registry.
     */
    public Optional<CrossReferenceTree> studyTree(String studyUid) {
        return index.read("draw the protocols of study " + studyUid, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM study WHERE study_instance_uid = ?")) {
                ps.setString(1, studyUid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            List<CrossReferenceTree.Source> sources = new ArrayList<>();
            Set<String> referenced = new LinkedHashSet<>();
            String inStudy = """
                    FROM instance i JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk
                    WHERE st.study_instance_uid = ?""";
            collect(c, "SELECT i.file_path, p.dataset, i.id " + inStudy.replace("WHERE",
                    "JOIN protocol p ON p.instance_fk = i.id WHERE") + " ORDER BY i.id", studyUid, sources);
            collect(c, "SELECT i.file_path, g.dataset, i.id " + inStudy.replace("WHERE",
                    "JOIN protocol_image g ON g.instance_fk = i.id WHERE") + " ORDER BY i.id", studyUid, sources);
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT r.protocol_uid "
                    + inStudy.replace("WHERE", "JOIN protocol_reference r ON r.instance_fk = i.id WHERE")
                    + " AND r.reference_kind = 'DEFINED' ORDER BY r.protocol_uid")) {
                ps.setString(1, studyUid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        referenced.add(rs.getString(1));
                    }
                }
            }
            List<CrossReferenceTree.Source> defined = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.file_path, p.dataset FROM protocol p"
                    + " JOIN instance i ON i.id = p.instance_fk WHERE p.sop_instance_uid = ?")) {
                for (String uid : referenced) {
                    ps.setString(1, uid);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            defined.add(new CrossReferenceTree.Source(rs.getString(1),
                                    ProtocolTables.decode(rs.getBytes(2))));
                        }
                    }
                }
            }
            defined.addAll(sources);
            return Optional.of(CrossReferenceTree.build(defined));
        });
    }

    private static void collect(Connection c, String sql, String studyUid, List<CrossReferenceTree.Source> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, studyUid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(new CrossReferenceTree.Source(rs.getString(1), ProtocolTables.decode(rs.getBytes(2))));
                }
            }
        }
    }

    private static ProtocolSummary summary(Connection c, ResultSet rs) throws SQLException {
        List<Model> models = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT manufacturer, model_group, model_name,"
                + " software_versions FROM protocol_model WHERE protocol_fk = ? ORDER BY id")) {
            ps.setLong(1, rs.getLong(1));
            try (ResultSet m = ps.executeQuery()) {
                while (m.next()) {
                    models.add(new Model(m.getString(1), m.getString(2), m.getString(3), m.getString(4)));
                }
            }
        }
        CodeText region = rs.getString(8) == null ? null
                : new CodeText(rs.getString(8), rs.getString(9), rs.getString(10));
        return new ProtocolSummary(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), models, region, rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getInt(14), rs.getInt(15));
    }

    /** The constraints of a protocol by element id; those of the Patient Specification under 0. */
    private static Map<Long, List<Constraint>> constraints(Connection c, long protocolId) throws SQLException {
        Map<Long, List<Constraint>> byElement = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT element_fk, attribute_name, selector, selector_attribute, vr, constraint_type,
                       constraint_values, allowed, units, modifiable, significance, item_path
                FROM protocol_constraint WHERE protocol_fk = ? ORDER BY id""")) {
            ps.setLong(1, protocolId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long element = rs.getObject(1) == null ? 0L : rs.getLong(1);
                    byElement.computeIfAbsent(element, k -> new ArrayList<>()).add(new Constraint(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12)));
                }
            }
        }
        return byElement;
    }

    private static long count(List<ComplianceRow> rows, String outcome) {
        return rows.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static void bind(PreparedStatement ps, List<String> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setString(i + 1, params.get(i));
        }
    }
}
