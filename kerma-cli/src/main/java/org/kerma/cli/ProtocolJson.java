package org.kerma.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.kerma.dicom.Code;
import org.kerma.protocol.AttributeValue;
import org.kerma.protocol.AttributeValueConstraint;
import org.kerma.protocol.Compliance;
import org.kerma.protocol.ConstraintResult;
import org.kerma.protocol.DefinedProtocol;
import org.kerma.protocol.InstanceReference;
import org.kerma.protocol.PerformedProtocol;
import org.kerma.protocol.ProtocolApproval;
import org.kerma.protocol.ProtocolElement;
import org.kerma.protocol.ProtocolFinding;
import org.kerma.protocol.XaPlane;

/**
 * The JSON forms of {@code kerma protocol show --json} and {@code check --json}: one object per document, keys in
 * camelCase after the record components, codes as {"value", "scheme", "meaning"}.
 */
final class ProtocolJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator g;

    private ProtocolJson(Writer out) throws IOException {
        this.g = FACTORY.createGenerator(out).useDefaultPrettyPrinter();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    static void defined(DefinedProtocol p, List<ProtocolFinding> findings, Writer out) throws IOException {
        ProtocolJson j = new ProtocolJson(out);
        JsonGenerator g = j.g;
        g.writeStartObject();
        g.writeStringField("type", p.xa() ? "XA Defined Procedure Protocol" : "CT Defined Procedure Protocol");
        g.writeStringField("sopInstanceUid", p.sopInstanceUid());
        g.writeStringField("protocolName", p.context().protocolName());
        g.writeStringField("designRationale", p.context().designRationale());
        j.codes("potentialRequestedProcedures", p.context().potentialRequestedProcedures());
        j.codes("responsibleGroups", p.context().responsibleGroups());
        j.codes("contraindications", p.context().contraindications());
        g.writeObjectFieldStart("equipment");
        g.writeStringField("modality", p.equipment().modality());
        g.writeArrayFieldStart("models");
        for (var m : p.equipment().models()) {
            g.writeStartObject();
            g.writeStringField("manufacturer", m.manufacturer());
            g.writeStringField("modelGroup", m.modelGroup());
            g.writeStringField("modelName", m.modelName());
            j.strings("softwareVersions", m.softwareVersions());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("patientPosition", p.positioning().patientPosition());
        if (p.positioning().anatomicRegion().isPresent()) {
            g.writeFieldName("anatomicRegion");
            j.code(p.positioning().anatomicRegion().get());
        }
        j.constraints("patientSpecification", p.patientSpecification().constraints());
        j.elements(p.elements());
        j.findings(findings);
        g.writeEndObject();
        j.finish(out);
    }

    static void performed(PerformedProtocol p, List<ProtocolFinding> findings, Writer out) throws IOException {
        ProtocolJson j = new ProtocolJson(out);
        JsonGenerator g = j.g;
        g.writeStartObject();
        g.writeStringField("type", "Performed Procedure Protocol");
        g.writeStringField("sopInstanceUid", p.sopInstanceUid());
        g.writeStringField("modality", p.modality());
        g.writeStringField("protocolName", p.context().protocolName());
        g.writeStringField("studyInstanceUid", p.studyInstanceUid());
        j.strings("definedProtocols", p.definedProtocols().stream().map(InstanceReference::sopInstanceUid).toList());
        j.elements(p.elements());
        j.findings(findings);
        g.writeEndObject();
        j.finish(out);
    }

    static void approval(ProtocolApproval a, List<ProtocolFinding> findings, Writer out) throws IOException {
        ProtocolJson j = new ProtocolJson(out);
        JsonGenerator g = j.g;
        g.writeStartObject();
        g.writeStringField("type", "Protocol Approval");
        g.writeStringField("sopInstanceUid", a.sopInstanceUid());
        j.strings("subjects", a.subjects().stream().map(InstanceReference::sopInstanceUid).toList());
        g.writeArrayFieldStart("approvals");
        for (ProtocolApproval.Approval x : a.approvals()) {
            g.writeStartObject();
            if (x.assertion().isPresent()) {
                g.writeFieldName("assertion");
                j.code(x.assertion().get());
            }
            g.writeStringField("asserterType", x.asserterType());
            g.writeStringField("asserter", x.asserter());
            g.writeStringField("dateTime", x.dateTime());
            g.writeEndObject();
        }
        g.writeEndArray();
        j.findings(findings);
        g.writeEndObject();
        j.finish(out);
    }

    static void compliance(Compliance c, Map<String, String> names, Writer out) throws IOException {
        ProtocolJson j = new ProtocolJson(out);
        JsonGenerator g = j.g;
        g.writeStartObject();
        g.writeStringField("definedProtocolUid", c.definedProtocolUid());
        g.writeStringField("protocolName", c.protocolName());
        g.writeBooleanField("compliant", c.compliant());
        g.writeObjectFieldStart("counts");
        for (ConstraintResult.Outcome o : ConstraintResult.Outcome.values()) {
            g.writeNumberField(o.name(), c.count(o));
        }
        g.writeEndObject();
        g.writeArrayFieldStart("results");
        for (ConstraintResult r : c.results()) {
            g.writeStartObject();
            g.writeStringField("outcome", r.outcome().name());
            g.writeStringField("subject", r.subject());
            if (names.containsKey(r.subject())) {
                g.writeStringField("file", names.get(r.subject()));
            }
            g.writeStringField("scope", r.scope());
            g.writeNumberField("elementNumber", r.elementNumber());
            g.writeStringField("attribute", r.constraint().attributeName());
            g.writeStringField("selector", r.constraint().selector().describe());
            g.writeStringField("constraintType", r.constraint().typeText());
            g.writeStringField("allowed", r.constraint().allowed());
            g.writeArrayFieldStart("actual");
            for (AttributeValue v : r.actual()) {
                j.value(v);
            }
            g.writeEndArray();
            g.writeStringField("detail", r.detail());
            g.writeStringField("constraintPath", r.constraint().path());
            g.writeEndObject();
        }
        g.writeEndArray();
        j.findings(c.findings());
        g.writeEndObject();
        j.finish(out);
    }

    private void elements(List<ProtocolElement> elements) throws IOException {
        g.writeArrayFieldStart("elements");
        for (ProtocolElement e : elements) {
            g.writeStartObject();
            g.writeStringField("kind", e.kind().label());
            g.writeNumberField("number", e.number());
            g.writeStringField("name", e.name());
            g.writeStringField("purpose", e.purpose());
            ints("sourceAcquisitionElements", e.sourceAcquisitionElements());
            ints("sourceReconstructionElements", e.sourceReconstructionElements());
            if (e.sourceInstance().isPresent()) {
                g.writeStringField("sourceInstance", e.sourceInstance().get().sopInstanceUid());
            }
            if (!e.planes().isEmpty()) {
                g.writeArrayFieldStart("planes");
                for (XaPlane p : e.planes()) {
                    g.writeStartObject();
                    g.writeStringField("planeIdentification", p.planeIdentification());
                    g.writeArrayFieldStart("fieldOfViewDimensions");
                    for (double d : p.fieldOfViewDimensions()) {
                        g.writeNumber(d);
                    }
                    g.writeEndArray();
                    if (p.scanArc().isPresent()) {
                        g.writeNumberField("scanArc", p.scanArc().getAsDouble());
                    }
                    if (p.rotationStep().isPresent()) {
                        g.writeNumberField("rotationStep", p.rotationStep().getAsDouble());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (!e.outputs().isEmpty()) {
                g.writeArrayFieldStart("outputs");
                for (var o : e.outputs()) {
                    g.writeStartObject();
                    strings("destinationAes", o.destinationAes());
                    strings("storageUrls", o.storageUrls());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            constraints("constraints", e.constraints());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void constraints(String field, List<AttributeValueConstraint> constraints) throws IOException {
        g.writeArrayFieldStart(field);
        for (AttributeValueConstraint c : constraints) {
            g.writeStartObject();
            g.writeStringField("attribute", c.attributeName());
            g.writeStringField("selector", c.selector().describe());
            g.writeStringField("vr", c.selector().vr());
            g.writeStringField("constraintType", c.typeText());
            g.writeArrayFieldStart("values");
            for (AttributeValue v : c.values()) {
                value(v);
            }
            g.writeEndArray();
            if (c.units().isPresent()) {
                g.writeFieldName("units");
                code(c.units().get());
            }
            if (c.modifiable().isPresent()) {
                g.writeBooleanField("modifiable", c.modifiable().get());
            }
            g.writeStringField("allowed", c.allowed());
            g.writeStringField("path", c.path());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void value(AttributeValue v) throws IOException {
        g.writeStartObject();
        g.writeStringField("vr", v.vr().name());
        if (v.coded()) {
            g.writeArrayFieldStart("codes");
            for (Code c : v.codes()) {
                code(c);
            }
            g.writeEndArray();
        } else {
            strings("values", v.values());
        }
        g.writeEndObject();
    }

    private void findings(List<ProtocolFinding> findings) throws IOException {
        g.writeArrayFieldStart("findings");
        for (ProtocolFinding f : findings) {
            g.writeStartObject();
            g.writeStringField("path", f.path());
            g.writeStringField("message", f.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void codes(String field, List<Code> codes) throws IOException {
        g.writeArrayFieldStart(field);
        for (Code c : codes) {
            code(c);
        }
        g.writeEndArray();
    }

    private void code(Code c) throws IOException {
        g.writeStartObject();
        g.writeStringField("value", c.value());
        g.writeStringField("scheme", c.scheme());
        g.writeStringField("meaning", c.meaning());
        g.writeEndObject();
    }

    private void strings(String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private void ints(String field, List<Integer> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (int i : values) {
            g.writeNumber(i);
        }
        g.writeEndArray();
    }

    private void finish(Writer out) throws IOException {
        g.flush();
        out.write(System.lineSeparator());
        out.flush();
    }
}
