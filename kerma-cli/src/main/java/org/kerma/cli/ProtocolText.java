package org.kerma.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.kerma.dicom.Code;
import org.kerma.protocol.AttributeValueConstraint;
import org.kerma.protocol.Compliance;
import org.kerma.protocol.ConstraintResult;
import org.kerma.protocol.DefinedProtocol;
import org.kerma.protocol.ModelSpecification;
import org.kerma.protocol.PerformedProtocol;
import org.kerma.protocol.ProtocolApproval;
import org.kerma.protocol.ProtocolElement;
import org.kerma.protocol.ProtocolFinding;
import org.kerma.registry.protocol.ProtocolQueries;
import org.kerma.protocol.StorageOutput;
import org.kerma.protocol.XaPlane;

/** The readable text forms of protocols and compliance tables. */
final class ProtocolText {

    private ProtocolText() {
    }

    static void defined(DefinedProtocol p, List<ProtocolFinding> findings, PrintWriter out) {
        out.println((p.xa() ? "XA" : "CT") + " Defined Procedure Protocol \"" + p.context().protocolName() + "\"");
        line(out, "SOP Instance UID", p.sopInstanceUid());
        line(out, "design rationale", p.context().designRationale());
        line(out, "requested procedures", codes(p.context().potentialRequestedProcedures()));
        line(out, "responsible groups", codes(p.context().responsibleGroups()));
        line(out, "contraindications", codes(p.context().contraindications()));
        line(out, "custodial organization", p.context().custodialOrganization());
        List<String> models = new ArrayList<>();
        for (ModelSpecification m : p.equipment().models()) {
            models.add(String.join(" ", nonEmpty(m.manufacturer(), m.modelGroup(), m.modelName()))
                    + (m.softwareVersions().isEmpty() ? "" : " (software " + String.join(", ", m.softwareVersions())
                    + ")"));
        }
        line(out, "equipment", p.equipment().modality() + (models.isEmpty() ? "" : ": " + String.join("; ", models)));
        line(out, "patient position", p.positioning().patientPosition());
        line(out, "anatomic region", p.positioning().anatomicRegion().map(Code::toString).orElse(""));
        for (AttributeValueConstraint c : p.patientSpecification().constraints()) {
            out.println("  patient: " + constraint(c));
        }
        p.instructions().forEach(i -> out.println("  instruction " + i.index() + ": " + i.text()));
        for (ProtocolElement e : p.elements()) {
            element(e, out);
            for (AttributeValueConstraint c : e.constraints()) {
                out.println("    " + constraint(c));
            }
        }
        findings(findings, out);
    }

    static void performed(PerformedProtocol p, List<ProtocolFinding> findings, PrintWriter out) {
        out.println((p.modality().startsWith("XA") ? "XA" : "CT") + " Performed Procedure Protocol \""
                + p.context().protocolName() + "\"");
        line(out, "SOP Instance UID", p.sopInstanceUid());
        line(out, "study", p.studyInstanceUid());
        p.definedProtocols().forEach(d -> line(out, "followed defined protocol", d.sopInstanceUid()));
        for (ProtocolElement e : p.elements()) {
            element(e, out);
            for (XaPlane plane : e.planes()) {
                List<String> parts = new ArrayList<>();
                parts.add(plane.planeIdentification().isEmpty() ? "plane" : plane.planeIdentification());
                if (!plane.fieldOfViewDimensions().isEmpty()) {
                    parts.add("field of view " + plane.fieldOfViewDimensions() + " mm");
                }
                plane.scanArc().ifPresent(a -> parts.add("scan arc " + a + " deg"));
                plane.rotationStep().ifPresent(a -> parts.add("rotation step " + a + " deg"));
                plane.filters().forEach(f -> parts.add("filter " + String.join("/", f.materials()) + " "
                        + f.thicknessMinimum() + ".." + f.thicknessMaximum() + " mm"));
                out.println("    " + String.join(", ", parts));
            }
        }
        findings(findings, out);
    }

    static void approval(ProtocolApproval a, List<ProtocolFinding> findings, PrintWriter out) {
        out.println("Protocol Approval " + a.sopInstanceUid());
        a.subjects().forEach(s -> line(out, "subject", s.sopInstanceUid()));
        for (ProtocolApproval.Approval x : a.approvals()) {
            out.println("  " + x.assertion().map(Code::toString).orElse("(no assertion)") + " by " + x.asserter()
                    + " (" + x.asserterType() + ") at " + x.dateTime()
                    + x.institution().map(i -> " for " + i.meaning()).orElse(""));
        }
        findings(findings, out);
    }

    private static void element(ProtocolElement e, PrintWriter out) {
        List<String> from = new ArrayList<>();
        e.sourceAcquisitionElements().forEach(n -> from.add("acquisition " + n));
        e.sourceReconstructionElements().forEach(n -> from.add("reconstruction " + n));
        String source = from.isEmpty() ? "" : " (from " + String.join(", ", from)
                + e.sourceInstance().map(i -> " of " + i.sopInstanceUid()).orElse("") + ")";
        out.println(e.label() + source + (e.purpose().isEmpty() ? "" : ": " + e.purpose()));
        for (StorageOutput o : e.outputs()) {
            List<String> to = new ArrayList<>();
            o.destinationAes().forEach(ae -> to.add("AE " + ae));
            o.storageUrls().forEach(u -> to.add("STOW-RS " + u));
            o.xdsRepositories().forEach(r -> to.add("XDS " + r));
            out.println("    output to " + String.join(", ", to));
        }
    }

    static String constraint(AttributeValueConstraint c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.attributeName()).append(' ').append(c.allowed());
        String path = c.selector().describe();
        if (!path.equals(c.selector().keyword())) {
            sb.append("  [").append(path).append(']');
        }
        if (c.modifiable().isPresent() && !c.modifiable().get()) {
            sb.append("  (not modifiable)");
        }
        if (!c.significance().isEmpty()) {
            sb.append("  (").append(c.significance().toLowerCase(java.util.Locale.ROOT)).append(')');
        }
        return sb.toString();
    }

    /** The compliance table: one row per result, then the counts and findings. */
    static void compliance(Compliance c, java.util.Map<String, String> names, PrintWriter out) {
        out.println("Compliance with \"" + c.protocolName() + "\" " + c.definedProtocolUid());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"OUTCOME", "SUBJECT", "SCOPE", "ATTRIBUTE", "ACTUAL", "ALLOWED", "NOTE"});
        for (ConstraintResult r : c.results()) {
            rows.add(new String[] {r.outcome().name(), names.getOrDefault(r.subject(), r.subject()), r.scope(),
                    r.constraint().attributeName(), r.actualText(), r.constraint().allowed(),
                    note(r)});
        }
        table(rows, out);
        out.println(c.count(ConstraintResult.Outcome.PASS) + " pass, " + c.count(ConstraintResult.Outcome.FAIL)
                + " fail, " + c.count(ConstraintResult.Outcome.NOT_EVALUABLE) + " not evaluable");
        findings(c.findings(), out);
    }

    /**
     * The registry's compliance with a protocol as a table: one row per evaluated constraint (subjects by SOP
     * Instance UID, with the defined protocol when the rows are a performed protocol's), then the counts.
     */
    static void compliance(ProtocolQueries.ComplianceReport report, PrintWriter out) {
        out.println("Compliance with " + report.kind().toLowerCase(java.util.Locale.ROOT) + " protocol "
                + report.protocolUid() + " (registry)");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"OUTCOME", "SUBJECT", "SCOPE", "ATTRIBUTE", "ACTUAL", "ALLOWED", "NOTE"});
        for (ProtocolQueries.ComplianceRow r : report.rows()) {
            String subject = r.subjectKind().toLowerCase(java.util.Locale.ROOT) + " " + r.subjectUid();
            String note = r.outcome().equals("NOT_EVALUABLE") ? r.reason() : "";
            rows.add(new String[] {r.outcome(), subject, r.scope(), r.attribute(), r.actual(), r.allowed(), note});
        }
        table(rows, out);
        out.println(report.pass() + " pass, " + report.fail() + " fail, " + report.notEvaluable() + " not evaluable");
    }

    private static void table(List<String[]> rows, PrintWriter out) {
        int[] width = new int[7];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                sb.append(i == row.length - 1 ? row[i] : pad(row[i], width[i] + 2));
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    /** Why nothing was compared, or where the value was found when not where the selector points. */
    private static String note(ConstraintResult r) {
        if (r.outcome() == ConstraintResult.Outcome.NOT_EVALUABLE) {
            return r.detail();
        }
        int at = r.detail().indexOf("(image top level");
        return at < 0 ? "" : r.detail().substring(at + 1, r.detail().length() - 1);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    static void findings(List<ProtocolFinding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            return;
        }
        out.println("findings:");
        findings.forEach(f -> out.println("  " + f));
    }

    private static void line(PrintWriter out, String label, String value) {
        if (!value.isEmpty()) {
            out.println("  " + label + ": " + value);
        }
    }

    private static String codes(List<Code> codes) {
        return String.join(", ", codes.stream().map(Code::toString).toList());
    }

    private static List<String> nonEmpty(String... parts) {
        return java.util.Arrays.stream(parts).filter(s -> !s.isEmpty()).toList();
    }
}
