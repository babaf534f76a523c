package org.kerma.registry.protocol;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.protocol.ProtocolReference;
import org.kerma.protocol.Reading;
import org.kerma.registry.index.Findings.Finding;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.index.ObjectClass;
import org.kerma.registry.ingest.Extractor;

/**
 * The {@code protocol references} extractor: keeps the references of an image to defined and performed protocols
 * and their elements (General Procedure Protocol Reference Macro, PS3.3 section 10.41; series level for CT), and the
 * image's data set, then computes its compliance with the defined protocols already in the registry (those that
 * arrive later recompute it). Images that reference no protocol leave no rows.
 */
public final class ProtocolReferenceExtractor implements Extractor {

    @Override
    public String name() {
        return "protocol references";
    }

    @Override
    public Set<ObjectClass> classes() {
        return Set.of(ObjectClass.IMAGE);
    }

    @Override
    public List<String> tables() {
        return ProtocolTables.REFERENCE_TABLES;
    }

    @Override
    public List<Finding> extract(IndexedInstance instance, DicomObject dataset, Connection c) throws Exception {
        ProtocolTables.forgetImage(c, instance.id());
        Reading<List<ProtocolReference>> refs = ProtocolReference.readAll(dataset);
        if (!refs.value().isEmpty()) {
            ComplianceEvaluation.lock(c, refs.value().stream().map(r -> r.protocol().sopInstanceUid()).toList());
            ProtocolTables.insertImage(c, instance.id(), refs.value(), dataset);
            ComplianceEvaluation.recompute(c, instance.id());
        }
        return ProtocolExtractor.findings(refs.findings());
    }
}
