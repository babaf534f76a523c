package org.kerma.registry.protocol;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.protocol.DefinedProtocol;
import org.kerma.protocol.InstanceReference;
import org.kerma.protocol.PerformedProtocol;
import org.kerma.protocol.ProtocolFinding;
import org.kerma.protocol.Reading;
import org.kerma.registry.index.Findings;
import org.kerma.registry.index.Findings.Finding;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.index.ObjectClass;
import org.kerma.registry.ingest.Extractor;

/**
 * The {@code protocol} extractor: reads a CT or XA Defined or Performed Procedure Protocol into the protocol tables,
 * then recomputes the compliance of everything that depends on it (see {@link ComplianceEvaluation}): for a defined
 * protocol, the performed protocols and images that reference it; for a performed protocol, itself and the images
 * that reference it. What the lenient reader found wrong is returned as findings with their item paths.
 */
public final class ProtocolExtractor implements Extractor {

    @Override
    public String name() {
        return "protocol";
    }

    @Override
    public Set<ObjectClass> classes() {
        return Set.of(ObjectClass.PROTOCOL);
    }

    @Override
    public List<String> tables() {
        return ProtocolTables.PROTOCOL_TABLES;
    }

    @Override
    public List<Finding> extract(IndexedInstance instance, DicomObject dataset, Connection c) throws Exception {
        ProtocolTables.forgetProtocol(c, instance.id());
        String uid = instance.sopInstanceUid();
        List<ProtocolFinding> found;
        if (DefinedProtocol.SOP_CLASSES.contains(instance.sopClassUid())) {
            ComplianceEvaluation.lock(c, List.of(uid));
            Reading<DefinedProtocol> defined = DefinedProtocol.read(dataset);
            ProtocolTables.insertDefined(c, instance.id(), defined.value(), dataset);
            for (long subject : ComplianceEvaluation.dependents(c, uid, instance.id())) {
                ComplianceEvaluation.recompute(c, subject);
            }
            found = defined.findings();
        } else {
            Reading<PerformedProtocol> performed = PerformedProtocol.read(dataset);
            List<String> locked = new ArrayList<>(List.of(uid));
            performed.value().definedProtocols().stream().map(InstanceReference::sopInstanceUid)
                    .filter(u -> !u.isEmpty()).forEach(locked::add);
            ComplianceEvaluation.lock(c, locked);
            ProtocolTables.insertPerformed(c, instance.id(), performed.value(), dataset);
            ComplianceEvaluation.recompute(c, instance.id());
            for (long subject : ComplianceEvaluation.dependents(c, uid, instance.id())) {
                ComplianceEvaluation.recompute(c, subject);
            }
            found = performed.findings();
        }
        return findings(found);
    }

    /** Reading findings as index findings: warnings, located at their item path. */
    static List<Finding> findings(List<ProtocolFinding> found) {
        return found.stream().map(f -> new Finding(Findings.Severity.WARNING, f.message(), "", f.path())).toList();
    }
}
