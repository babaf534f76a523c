package org.kerma.standard.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dicom.sr.LegacyCodes;
import org.kerma.standard.Standard;
import org.kerma.standard.Template;
import org.kerma.standard.TemplateRow;

/**
 * Checks the content tree of an X-Ray Radiation Dose SR against its root template, TID 10001 (Projection X-Ray
 * Radiation Dose) or TID 10011 (CT Radiation Dose) of PS3.16, with the templates they include expanded in place.
 *
 * <p>A content item is matched to a template row by concept name (the row's fixed code, or a code of the row's
 * concept name context group; SNOMED-RT and SNOMED CT equivalents match). Then, per matched item: its value type and
 * relationship type are the row's; a NUM item carries the row's fixed units or units from the row's units context
 * group; a CODE item's value is the row's fixed value, or in the row's value set (outside an enumerated set: error;
 * outside a defined or baseline set: warning, PS3.16 Section 6.1.3). Per row: a mandatory (M) row is present, and the
 * number of its items is within the row's VM. Conditional rows (MC, UC) are not required, since their conditions are
 * prose; items matching no row are allowed (both templates are extensible). By-reference items are not followed.
 *
 * <p>Findings name the template of the row ({@code TID 10013}) as their module and the content item path
 * ({@code 1.5.3}, PS3.3 Section C.17.3.2.5) as their item path.
 */
final class TemplateCheck {
    static final Code DOSE_REPORT = new Code("113701", "DCM", "X-Ray Radiation Dose Report");
    private static final Code CT_ACCUMULATED_DOSE = new Code("113811", "DCM", "CT Accumulated Dose Data");
    private static final int MAX_INCLUSION_DEPTH = 12;

    /**
     * One row of the expanded template tree.
     *
     * @param tid           the template the row comes from
     * @param row           the row
     * @param mandatory     whether the row must be present (its own M, and M for every inclusion leading to it)
     * @param vmMin         the minimum number of items when present
     * @param vmMax         the maximum, {@link Integer#MAX_VALUE} for "n"
     * @param conceptNames  canonical codes of the row's concept name context group; empty when the row fixes one
     * @param valueSet      canonical codes a CODE value is checked against; empty when not checked
     * @param unitsSet      canonical codes of the units context group; empty when none
     * @param children      the rows nested under it
     * @param byConcept     the rows of {@code children} with a fixed concept name, by canonical concept name
     * @param byGroup       the rows of {@code children} whose concept name comes from a context group
     */
    record Node(String tid, TemplateRow row, boolean mandatory, int vmMin, int vmMax, Set<Code> conceptNames,
                Set<Code> valueSet, Set<Code> unitsSet, List<Node> children, Map<Code, List<Node>> byConcept,
                List<Node> byGroup) {

        static Node of(String tid, TemplateRow row, boolean mandatory, int vmMin, int vmMax, Set<Code> conceptNames,
                       Set<Code> valueSet, Set<Code> unitsSet, List<Node> children) {
            Map<Code, List<Node>> byConcept = new HashMap<>();
            List<Node> byGroup = new ArrayList<>();
            for (Node child : children) {
                if (child.row().conceptName().isPresent()) {
                    byConcept.computeIfAbsent(LegacyCodes.canonical(child.row().conceptName().get()),
                            k -> new ArrayList<>()).add(child);
                } else if (!child.conceptNames().isEmpty()) {
                    byGroup.add(child);
                }
            }
            byConcept.replaceAll((k, v) -> List.copyOf(v));
            return new Node(tid, row, mandatory, vmMin, vmMax, conceptNames, valueSet, unitsSet,
                    List.copyOf(children), Map.copyOf(byConcept), List.copyOf(byGroup));
        }

        /** The child rows an item of concept name {@code canonical} (after {@link LegacyCodes#canonical}) fits. */
        List<Node> candidates(Code canonical) {
            List<Node> fixed = byConcept.getOrDefault(canonical, List.of());
            if (byGroup.isEmpty()) {
                return fixed;
            }
            List<Node> all = new ArrayList<>(fixed);
            for (Node n : byGroup) {
                if (n.conceptNames().contains(canonical)) {
                    all.add(n);
                }
            }
            return all;
        }

        boolean matches(Code concept) {
            Code canonical = LegacyCodes.canonical(concept);
            return row.conceptName().map(c -> LegacyCodes.canonical(c).equals(canonical))
                    .orElse(conceptNames.contains(canonical));
        }

        boolean identifiable() {
            return row.conceptName().isPresent() || !conceptNames.isEmpty();
        }

        String label() {
            return row.conceptName().map(Code::meaning).filter(m -> !m.isEmpty())
                    .or(() -> row.conceptName().map(Code::value)).orElse(row.valueType() + " row");
        }
    }

    /** A root template expanded into its tree of rows. */
    record Plan(String tid, Node root) {
    }

    private TemplateCheck() {
    }

    /**
     * The root template of a dose report: the Template Identifier of the root item when it names one, else TID 10011
     * when the report has CT Accumulated Dose Data, else TID 10001. Empty when the root is not an X-Ray Radiation Dose
     * Report container.
     */
    static Optional<String> rootTemplate(ContentItem root) {
        Optional<String> declared = root.templateIdentifier().map(String::trim);
        if (declared.isPresent()) {
            return declared;
        }
        if (!root.hasConceptName(DOSE_REPORT)) {
            return Optional.empty();
        }
        return Optional.of(root.child(CT_ACCUMULATED_DOSE).isPresent() ? "10011" : "10001");
    }

    /** Expands a root template; empty when Kerma's tables lack it. */
    static Optional<Plan> plan(Standard standard, String tid) {
        Optional<Template> template = standard.template(tid);
        if (template.isEmpty()) {
            return Optional.empty();
        }
        List<Node> top = expand(standard, template.get(), true, -1, -1, 0);
        return top.size() == 1 ? Optional.of(new Plan(tid, top.get(0))) : Optional.empty();
    }

    /**
     * The rows of {@code template} as a tree. The rows at the template's top become the nodes returned; an inclusion
     * row is replaced by the included template's top rows, which take over the inclusion's requirement (and, for a
     * single top row, its VM).
     * A mandatory row under a non-mandatory inclusion is not required.
     */
    private static List<Node> expand(Standard standard, Template template, boolean mandatory, int vmMin, int vmMax,
                                     int inclusions) {
        List<TemplateRow> rows = template.rows();
        List<Node> out = new ArrayList<>();
        if (rows.stream().filter(r -> r.depth() == 0).count() > 1) {
            vmMin = -1;
            vmMax = -1;
        }
        int i = 0;
        while (i < rows.size()) {
            TemplateRow row = rows.get(i);
            int end = i + 1;
            while (end < rows.size() && rows.get(end).depth() > row.depth()) {
                end++;
            }
            if (row.depth() == 0) {
                out.addAll(node(standard, template, rows.subList(i, end), mandatory, vmMin, vmMax, inclusions));
            }
            i = end;
        }
        return out;
    }

    /** {@code rows}: one row and the rows nested under it, from one template. */
    private static List<Node> node(Standard standard, Template template, List<TemplateRow> rows, boolean inherited,
                                   int vmMin, int vmMax, int inclusions) {
        TemplateRow row = rows.get(0);
        boolean mandatory = inherited && row.requirement().equals("M");
        if (row.isInclusion()) {
            Optional<Template> included = standard.template(row.includedTid());
            if (included.isEmpty() || inclusions >= MAX_INCLUSION_DEPTH) {
                return List.of();
            }
            return expand(standard, included.get(), mandatory, count(row.vmMin(), 1), count(row.vmMax(), 1),
                    inclusions + 1);
        }
        List<Node> children = new ArrayList<>();
        int i = 1;
        while (i < rows.size()) {
            TemplateRow child = rows.get(i);
            int end = i + 1;
            while (end < rows.size() && rows.get(end).depth() > child.depth()) {
                end++;
            }
            children.addAll(node(standard, template, rows.subList(i, end), true, -1, -1, inclusions));
            i = end;
        }
        int min = vmMin >= 0 ? vmMin : count(row.vmMin(), 1);
        int max = vmMax >= 0 ? vmMax : count(row.vmMax(), 1);
        return List.of(Node.of(template.tid(), row, mandatory, min, max, codes(standard, row.conceptNameCid()),
                row.valueType().equals("CODE") ? codes(standard, row.valueSetCid()) : Set.of(),
                codes(standard, row.unitsCid()), children));
    }

    private static int count(String vm, int otherwise) {
        if (vm.equals("n")) {
            return Integer.MAX_VALUE;
        }
        try {
            return Integer.parseInt(vm);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * The canonical codes of a context group ("4031"), or of PixelMed's unions of groups ("4010_4014"); empty for
     * PixelMed's own value sets ("PMP_10001"), which are not PS3.16 context groups.
     */
    private static Set<Code> codes(Standard standard, String cid) {
        if (cid.isEmpty() || !cid.matches("\\d+(_\\d+)*")) {
            return Set.of();
        }
        Set<Code> codes = new HashSet<>();
        for (String part : cid.split("_")) {
            standard.codesOf(part).forEach(c -> codes.add(LegacyCodes.canonical(c)));
        }
        return Set.copyOf(codes);
    }

    /** Checks {@code document}'s content tree against {@code plan}, adding findings. */
    static void check(Plan plan, DicomObject document, List<Finding> findings) {
        ContentItem root = ContentItem.root(document);
        Node top = plan.root();
        String module = "TID " + plan.tid();
        if (!root.valueTypeCode().equals("CONTAINER") || !root.conceptName().map(top::matches).orElse(false)) {
            findings.add(new Finding(Severity.ERROR, Rule.TEMPLATE_ITEM, module, -1, "", root.path().toString(),
                    "the root content item is " + root.valueTypeCode() + " " + root.conceptName().map(Code::toString)
                    .orElse("without a concept name") + ", not the CONTAINER " + top.row().conceptName()
                    .map(Code::toString).orElse("") + " the template starts with"));
            return;
        }
        checkChildren(root, top, findings);
    }

    private static void checkChildren(ContentItem parent, Node node, List<Finding> findings) {
        Map<Node, Integer> counts = new IdentityHashMap<>();
        for (ContentItem child : parent.children()) {
            if (child.isByReference()) {
                continue;
            }
            Optional<Code> concept = code(child.dataset(), Tag.ConceptNameCodeSequence);
            if (concept.isEmpty()) {
                continue;
            }
            Node match = null;
            Node sameConcept = null;
            String valueType = RawValueCheck.firstValue(child.dataset(), Tag.ValueType, "");
            for (Node candidate : node.candidates(LegacyCodes.canonical(concept.get()))) {
                if (candidate.row().valueType().equals(valueType)) {
                    match = candidate;
                    break;
                }
                if (sameConcept == null) {
                    sameConcept = candidate;
                }
            }
            if (match == null && sameConcept != null) {
                add(findings, Severity.ERROR, Rule.TEMPLATE_VALUE_TYPE, sameConcept, child, "value type "
                        + child.valueTypeCode() + " where TID " + sameConcept.tid() + " row "
                        + sameConcept.row().row() + " has " + sameConcept.row().valueType());
                counts.merge(sameConcept, 1, Integer::sum);
                continue;
            }
            if (match == null) {
                continue;
            }
            counts.merge(match, 1, Integer::sum);
            checkItem(child, match, findings);
        }
        for (Node expected : node.children()) {
            if (!expected.identifiable()) {
                continue;
            }
            int n = counts.getOrDefault(expected, 0);
            if (n == 0 && expected.mandatory()) {
                add(findings, Severity.ERROR, Rule.TEMPLATE_MISSING_ITEM, expected, parent, "mandatory "
                        + expected.row().valueType() + " " + describe(expected) + " (TID " + expected.tid() + " row "
                        + expected.row().row() + ") is missing");
            } else if (n > 0 && (n < expected.vmMin() || n > expected.vmMax())) {
                add(findings, Severity.ERROR, Rule.TEMPLATE_ITEM_COUNT, expected, parent, n + " items "
                        + describe(expected) + " where TID " + expected.tid() + " row " + expected.row().row()
                        + " allows " + expected.row().vmMin() + "-" + (expected.vmMax() == Integer.MAX_VALUE ? "n"
                        : String.valueOf(expected.vmMax())));
            }
        }
    }

    private static void checkItem(ContentItem item, Node node, List<Finding> findings) {
        TemplateRow row = node.row();
        String relationship = RawValueCheck.firstValue(item.dataset(), Tag.RelationshipType, "");
        if (!row.relationship().isEmpty() && !row.relationship().equals(relationship)) {
            add(findings, Severity.ERROR, Rule.TEMPLATE_RELATIONSHIP, node, item, "relationship type '"
                    + relationship + "' where TID " + node.tid() + " row " + row.row() + " has " + row.relationship());
        }
        switch (row.valueType()) {
            case "NUM" -> checkUnits(item, node, findings);
            case "CODE" -> checkCode(item, node, findings);
            default -> {
            }
        }
        if (!node.children().isEmpty()) {
            checkChildren(item, node, findings);
        }
    }

    private static void checkUnits(ContentItem item, Node node, List<Finding> findings) {
        List<DicomObject> measured = item.dataset().items(Tag.MeasuredValueSequence);
        Optional<Code> units = measured.isEmpty() ? Optional.empty()
                : code(measured.get(0), Tag.MeasurementUnitsCodeSequence);
        if (units.isEmpty()) {
            return;
        }
        TemplateRow row = node.row();
        boolean ok = row.units().map(u -> sameUnits(u, units.get())).orElse(true)
                && (node.unitsSet().isEmpty() || node.unitsSet().contains(units.get()));
        if (!ok) {
            add(findings, Severity.ERROR, Rule.TEMPLATE_UNITS, node, item, "units "
                    + full(measured.get(0), Tag.MeasurementUnitsCodeSequence, units.get()) + " where TID "
                    + node.tid() + " row " + row.row() + " requires " + row.units().map(Code::toString)
                    .orElse("units from CID " + row.unitsCid()));
        }
    }

    /**
     * UCUM units compared by code, except that annotations ({@code {X-Ray sources}}) are compared ignoring case: an
     * annotation carries no meaning in UCUM (UCUM Section 2.1, §12).
     */
    static boolean sameUnits(Code expected, Code actual) {
        if (expected.equals(actual)) {
            return true;
        }
        return expected.scheme().equals(actual.scheme()) && expected.value().startsWith("{")
                && expected.value().equalsIgnoreCase(actual.value());
    }

    private static void checkCode(ContentItem item, Node node, List<Finding> findings) {
        Optional<Code> code = code(item.dataset(), Tag.ConceptCodeSequence);
        if (code.isEmpty()) {
            return;
        }
        TemplateRow row = node.row();
        if (row.fixedValue().isPresent()) {
            if (!LegacyCodes.sameConcept(row.fixedValue().get(), code.get())) {
                add(findings, Severity.ERROR, Rule.TEMPLATE_CODED_VALUE, node, item, "value "
                        + full(item.dataset(), Tag.ConceptCodeSequence, code.get())
                        + " where TID " + node.tid() + " row " + row.row() + " fixes " + row.fixedValue().get());
            }
            return;
        }
        if (node.valueSet().isEmpty() || node.valueSet().contains(LegacyCodes.canonical(code.get()))) {
            return;
        }
        boolean enumerated = row.valueSetBde().equals("E");
        add(findings, enumerated ? Severity.ERROR : Severity.WARNING, Rule.TEMPLATE_CODED_VALUE, node, item, "value "
                + full(item.dataset(), Tag.ConceptCodeSequence, code.get()) + " is not in CID " + row.valueSetCid()
                + (enumerated ? "" : " (a " + (row.valueSetBde().equals("B") ? "baseline" : "defined")
                + " context group: allowed, but unusual)"));
    }

    /**
     * The code of the first item of a code sequence by value and scheme only, the meaning left empty (codes compare
     * by value and scheme, and decoding meanings of every item costs more than the rest of the check): the full code
     * is read again, with {@link Code#from}, only for the text of a finding.
     */
    private static Optional<Code> code(DicomObject item, int sequenceTag) {
        List<DicomObject> items = item.items(sequenceTag);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        DicomObject c = items.get(0);
        String value = RawValueCheck.firstValue(c, Tag.CodeValue, "").trim();
        String scheme = RawValueCheck.firstValue(c, Tag.CodingSchemeDesignator, "").trim();
        return value.isEmpty() ? Code.from(c) : Optional.of(new Code(value, scheme, ""));
    }

    /** The code as written, meaning included, for a finding's text. */
    private static String full(DicomObject item, int sequenceTag, Code fallback) {
        List<DicomObject> items = item.items(sequenceTag);
        return (items.isEmpty() ? Optional.<Code>empty() : Code.from(items.get(0))).orElse(fallback).toString();
    }

    private static String describe(Node node) {
        return "'" + node.label() + "'";
    }

    private static void add(List<Finding> findings, Severity severity, Rule rule, Node node, ContentItem item,
                            String reason) {
        findings.add(new Finding(severity, rule, "TID " + node.tid(), -1, "", item.path().toString(),
                item.conceptName().map(c -> "'" + c.meaning() + "': ").orElse("") + reason));
    }
}
