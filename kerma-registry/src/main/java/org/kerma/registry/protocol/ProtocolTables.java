package org.kerma.registry.protocol;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tags;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.protocol.AttributeValueConstraint;
import org.kerma.protocol.DefinedProtocol;
import org.kerma.protocol.ElementKind;
import org.kerma.protocol.ModelSpecification;
import org.kerma.protocol.PerformedProtocol;
import org.kerma.protocol.ProtocolContext;
import org.kerma.protocol.ProtocolElement;
import org.kerma.protocol.ProtocolReference;
import org.kerma.registry.index.Findings;
import org.kerma.registry.index.Level;

/**
 * Writes the protocol tables of migration V4 (docs/protocols.md, "Tables") on the caller's connection and
 * transaction: the protocols with their models, elements and constraints, the references to protocols, and the data
 * sets of referencing images. Every write for an instance is preceded by {@link #forgetProtocol} or
 * {@link #forgetImage} of what was written for it before (a replaced copy, a reindex).
 */
final class ProtocolTables {
    /** Every table of V4, referencing tables first (the order {@code kerma reindex} empties them in). */
    static final List<String> PROTOCOL_TABLES = List.of("protocol_compliance", "protocol_constraint",
            "protocol_element", "protocol_model", "protocol");
    static final List<String> REFERENCE_TABLES = List.of("protocol_reference", "protocol_image");

    private ProtocolTables() {
    }

    /** Removes the protocol, references, image data set and compliance rows written for a protocol instance. */
    static void forgetProtocol(Connection c, long instanceId) throws SQLException {
        String protocol = "(SELECT id FROM protocol WHERE instance_fk = ?)";
        delete(c, instanceId, List.of(
                "DELETE FROM protocol_constraint WHERE protocol_fk IN " + protocol,
                "DELETE FROM protocol_element WHERE protocol_fk IN " + protocol,
                "DELETE FROM protocol_model WHERE protocol_fk IN " + protocol,
                "DELETE FROM protocol WHERE instance_fk = ?"));
        forgetImage(c, instanceId);
    }

    /** Removes the references, image data set and compliance rows written for an instance. */
    static void forgetImage(Connection c, long instanceId) throws SQLException {
        delete(c, instanceId, List.of(
                "DELETE FROM protocol_reference WHERE instance_fk = ?",
                "DELETE FROM protocol_image WHERE instance_fk = ?",
                "DELETE FROM protocol_compliance WHERE subject_fk = ?"));
        Findings.forget(c, instanceId, ComplianceEvaluation.SOURCE);
    }

    private static void delete(Connection c, long instanceId, List<String> statements) throws SQLException {
        for (String sql : statements) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, instanceId);
                ps.executeUpdate();
            }
        }
    }

    /** Inserts a defined protocol with its models, elements and constraints. */
    static void insertDefined(Connection c, long instanceId, DefinedProtocol p, DicomObject dataset)
            throws SQLException {
        Optional<Code> region = p.positioning().anatomicRegion();
        long id = insertProtocol(c, instanceId, p.sopInstanceUid(), p.sopClassUid(), "DEFINED", p.context(),
                p.equipment().modality(), p.positioning().patientPosition(), region, null, dataset);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO protocol_model (protocol_fk, manufacturer,"
                + " model_group, model_name, software_versions) VALUES (?, ?, ?, ?, ?)")) {
            for (ModelSpecification m : p.equipment().models()) {
                ps.setLong(1, id);
                ps.setString(2, m.manufacturer());
                ps.setString(3, m.modelGroup());
                ps.setString(4, m.modelName());
                ps.setString(5, String.join("\\", m.softwareVersions()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        insertConstraints(c, id, null, p.patientSpecification().constraints());
        for (ProtocolElement e : p.elements()) {
            insertConstraints(c, id, insertElement(c, id, e), e.constraints());
        }
    }

    /** Inserts a performed protocol with its elements, and its references to the defined protocols it followed. */
    static void insertPerformed(Connection c, long instanceId, PerformedProtocol p, DicomObject dataset)
            throws SQLException {
        long id = insertProtocol(c, instanceId, p.sopInstanceUid(), p.sopClassUid(), "PERFORMED", p.context(),
                p.modality(), "", Optional.empty(), p.studyInstanceUid(), dataset);
        for (ProtocolElement e : p.elements()) {
            insertElement(c, id, e);
        }
        int n = 0;
        for (var ref : p.definedProtocols()) {
            n++;
            if (!ref.sopInstanceUid().isEmpty()) {
                insertReference(c, instanceId, "PERFORMED", ProtocolReference.Kind.DEFINED,
                        ProtocolReference.Level.IMAGE, ref.sopInstanceUid(), ref.sopClassUid(), null, null,
                        "ReferencedDefinedProtocolSequence[" + n + "]");
            }
        }
    }

    /** Inserts an image's protocol references (one row per element number) and its data set. */
    static void insertImage(Connection c, long instanceId, List<ProtocolReference> refs, DicomObject dataset)
            throws SQLException {
        for (ProtocolReference r : refs) {
            String uid = r.protocol().sopInstanceUid();
            if (r.sourceAcquisitionElements().isEmpty() && r.sourceReconstructionElements().isEmpty()) {
                insertReference(c, instanceId, "IMAGE", r.kind(), r.level(), uid, r.protocol().sopClassUid(), null,
                        null, r.path());
            }
            for (int number : r.sourceAcquisitionElements()) {
                insertReference(c, instanceId, "IMAGE", r.kind(), r.level(), uid, r.protocol().sopClassUid(),
                        ElementKind.ACQUISITION, number, r.path());
            }
            for (int number : r.sourceReconstructionElements()) {
                insertReference(c, instanceId, "IMAGE", r.kind(), r.level(), uid, r.protocol().sopClassUid(),
                        ElementKind.RECONSTRUCTION, number, r.path());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO protocol_image (instance_fk, dataset) VALUES (?, ?)")) {
            ps.setLong(1, instanceId);
            ps.setBytes(2, encode(dataset));
            ps.executeUpdate();
        }
    }

    private static long insertProtocol(Connection c, long instanceId, String uid, String sopClass, String kind,
                                       ProtocolContext context, String equipmentModality, String position,
                                       Optional<Code> region, String study, DicomObject dataset)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO protocol (instance_fk, sop_instance_uid, sop_class_uid, kind, modality, protocol_name,
                    equipment_modality, responsible_group, custodial_organization, design_rationale, patient_position,
                    anatomic_region_value, anatomic_region_scheme, anatomic_region_meaning, study_instance_uid,
                    dataset)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            int i = 1;
            ps.setLong(i++, instanceId);
            ps.setString(i++, uid);
            ps.setString(i++, sopClass);
            ps.setString(i++, kind);
            ps.setString(i++, modalityOf(sopClass));
            ps.setString(i++, context.protocolName());
            ps.setString(i++, equipmentModality);
            ps.setString(i++, context.responsibleGroups().stream().map(Code::meaning)
                    .collect(Collectors.joining("; ")));
            ps.setString(i++, context.custodialOrganization());
            ps.setString(i++, context.designRationale());
            ps.setString(i++, position);
            ps.setString(i++, region.map(Code::value).orElse(null));
            ps.setString(i++, region.map(Code::scheme).orElse(null));
            ps.setString(i++, region.map(Code::meaning).orElse(null));
            ps.setString(i++, study == null || study.isEmpty() ? null : study);
            ps.setBytes(i, encode(dataset));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long insertElement(Connection c, long protocolId, ProtocolElement e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO protocol_element (protocol_fk, kind, element_number, name, purpose, source_acquisition,
                    source_reconstruction, source_protocol_uid, item_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setLong(1, protocolId);
            ps.setString(2, e.kind().name());
            ps.setInt(3, e.number());
            ps.setString(4, e.name());
            ps.setString(5, e.purpose());
            ps.setString(6, numbers(e.sourceAcquisitionElements()));
            ps.setString(7, numbers(e.sourceReconstructionElements()));
            ps.setString(8, e.sourceInstance().map(r -> r.sopInstanceUid()).orElse(null));
            ps.setString(9, e.path());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertConstraints(Connection c, long protocolId, Long elementId,
                                          List<AttributeValueConstraint> constraints) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO protocol_constraint (protocol_fk, element_fk, ordinal, selector, selector_attribute,
                    attribute_name, vr, constraint_type, constraint_values, allowed, units, modifiable, significance,
                    item_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int ordinal = 0;
            for (AttributeValueConstraint k : constraints) {
                int i = 1;
                ps.setLong(i++, protocolId);
                ps.setObject(i++, elementId);
                ps.setInt(i++, ++ordinal);
                ps.setString(i++, k.selector().describe());
                ps.setString(i++, k.selector().attribute().isPresent()
                        ? Tags.format(k.selector().attribute().getAsInt()) : null);
                ps.setString(i++, k.attributeName());
                ps.setString(i++, k.selector().vr());
                ps.setString(i++, k.typeText());
                ps.setString(i++, k.values().stream().map(Object::toString).collect(Collectors.joining(" | ")));
                ps.setString(i++, k.allowed());
                ps.setString(i++, k.units().map(Code::value).orElse(null));
                ps.setString(i++, k.modifiable().map(m -> m ? "YES" : "NO").orElse(null));
                ps.setString(i++, k.significance());
                ps.setString(i, k.path());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertReference(Connection c, long instanceId, String referencingKind,
                                        ProtocolReference.Kind kind, ProtocolReference.Level level, String uid,
                                        String sopClass, ElementKind elementKind, Integer number, String path)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO protocol_reference (instance_fk, referencing_kind, reference_kind, level, protocol_uid,
                    protocol_class, element_kind, element_number, item_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, instanceId);
            ps.setString(2, referencingKind);
            ps.setString(3, kind.name());
            ps.setString(4, level.name());
            ps.setString(5, uid);
            ps.setString(6, sopClass);
            ps.setString(7, elementKind == null ? null : elementKind.name());
            ps.setObject(8, number);
            ps.setString(9, path);
            ps.executeUpdate();
        }
    }

    /** CT or XA, from the SOP Class of a protocol. */
    static String modalityOf(String sopClass) {
        return switch (sopClass) {
            case Uid.XADefinedProcedureProtocolStorage, Uid.XAPerformedProcedureProtocolStorage -> "XA";
            default -> "CT";
        };
    }

    private static String numbers(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining("\\"));
    }

    /** The data set without bulk data, in Explicit VR Little Endian. */
    static byte[] encode(DicomObject dataset) {
        DicomObject kept = new DicomObject();
        for (int i = 0; i < dataset.size(); i++) {
            Level.copy(dataset, kept, dataset.tagAt(i));
        }
        return DicomWriter.encode(kept, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
    }

    /** Decodes a data set written by {@link #encode}. */
    static DicomObject decode(byte[] bytes) {
        return Level.decode(bytes);
    }

    /** The values of a '\'-separated column of numbers. */
    static List<Integer> parseNumbers(String text) {
        List<Integer> out = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            for (String s : text.split("\\\\")) {
                out.add(Integer.valueOf(s));
            }
        }
        return out;
    }
}
