package org.kerma.dose.rdsr;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomDateTime;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.sr.Concepts;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dicom.sr.ContentTree;
import org.kerma.dicom.sr.LegacyCodes;
import org.kerma.dicom.sr.NumericValue;
import org.kerma.dicom.sr.ValueType;
import org.kerma.dose.AppliedQuirk;
import org.kerma.dose.CodeOrText;
import org.kerma.dose.Finding;
import org.kerma.dose.Quantity;
import org.kerma.dose.Unit;
import org.kerma.dose.units.Units;
import org.kerma.dose.vendor.Quirk;
import org.kerma.dose.vendor.UnitQuirks;

/**
 * What the template readers of one report share: the content tree (to resolve by-reference items), the findings
 * and the vendor quirks applied, and the typed lookups that record a finding, with the content item path, for
 * every value that cannot be read. Not thread-safe; one per {@link RdsrReader#read} call.
 */
final class ReadContext {
    private final ContentTree tree;
    /** In the order found; a finding met again (the same item looked up for another concept) is kept once. */
    private final Set<Finding> findings = new LinkedHashSet<>();
    private final Set<AppliedQuirk> quirks = new LinkedHashSet<>();
    /** Each container's children with their concept names (legacy codes canonical), decoded once per report. */
    private final Map<DicomObject, Node[]> childIndex = new IdentityHashMap<>();
    private final Map<DicomObject, SubtreeIndex> subtreeIndex = new IdentityHashMap<>();

    /**
     * The deepest content item level searched: far below any dose template (the dose templates nest a few levels), and shallow
     * enough that the recursive lookups cannot exhaust the stack on a hostile tree built in memory (files are
     * already limited by {@code ReadOptions.maxNestingDepth}).
     */
    static final int MAX_DEPTH = 100;

    private record Node(ContentItem item, Code name, boolean hasChildren) {
    }

    /** A Distance Source to Detector (113750) read in an event, and the path of its item. */
    record SourceToDetector(Quantity distance, String path) {
    }

    /**
     * Per Acquisition Plane (null key: none given), the SID of the latest event that had one: some devices write it
     * only when it changes.
     */
    private final Map<Code, SourceToDetector> lastSourceToDetector = new HashMap<>();

    /** SOP Instance UID → {study, series} of the document's evidence sequences, read when first needed. */
    private Map<String, String[]> evidence;

    ReadContext(ContentTree tree) {
        this.tree = tree;
    }

    /** An IMAGE item's reference, with the study and series the document's evidence sequences list it under. */
    org.kerma.dose.IrradiationEvent.ImageReference imageReference(org.kerma.dicom.sr.SopReference r) {
        if (evidence == null) {
            evidence = evidence(tree.root().dataset());
        }
        String[] where = evidence.getOrDefault(r.sopInstanceUid(), new String[] {"", ""});
        return new org.kerma.dose.IrradiationEvent.ImageReference(where[0], where[1], r.sopClassUid(),
                r.sopInstanceUid());
    }

    private static Map<String, String[]> evidence(DicomObject document) {
        Map<String, String[]> bySop = new HashMap<>();
        for (int tag : new int[] {org.kerma.dicom.Tag.CurrentRequestedProcedureEvidenceSequence,
                org.kerma.dicom.Tag.PertinentOtherEvidenceSequence}) {
            for (DicomObject study : document.items(tag)) {
                String studyUid = study.getString(org.kerma.dicom.Tag.StudyInstanceUID, "").strip();
                for (DicomObject series : study.items(org.kerma.dicom.Tag.ReferencedSeriesSequence)) {
                    String seriesUid = series.getString(org.kerma.dicom.Tag.SeriesInstanceUID, "").strip();
                    for (DicomObject sop : series.items(org.kerma.dicom.Tag.ReferencedSOPSequence)) {
                        bySop.putIfAbsent(sop.getString(org.kerma.dicom.Tag.ReferencedSOPInstanceUID, "").strip(),
                                new String[] {studyUid, seriesUid});
                    }
                }
            }
        }
        return bySop;
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    List<AppliedQuirk> quirks() {
        return List.copyOf(quirks);
    }

    Optional<SourceToDetector> lastSourceToDetector(Optional<Code> plane) {
        return Optional.ofNullable(lastSourceToDetector.get(plane.orElse(null)));
    }

    void sourceToDetectorRead(Optional<Code> plane, SourceToDetector sid) {
        lastSourceToDetector.put(plane.orElse(null), sid);
    }

    void finding(Finding.Severity severity, String path, String message) {
        findings.add(new Finding(severity, path, message));
    }

    void quirk(Quirk quirk, String path, String detail) {
        quirks.add(new AppliedQuirk(quirk, path, detail));
    }

    private Node[] nodes(ContentItem parent) {
        Node[] nodes = childIndex.get(parent.dataset());
        if (nodes == null) {
            List<ContentItem> children = parent.children();
            nodes = new Node[children.size()];
            for (int i = 0; i < nodes.length; i++) {
                ContentItem c = children.get(i);
                nodes[i] = new Node(c, c.conceptName().map(LegacyCodes::canonical).orElse(null),
                        c.dataset().contains(Tag.ContentSequence));
            }
            childIndex.put(parent.dataset(), nodes);
        }
        return nodes;
    }

    /** The first direct child named {@code concept}, by-reference items followed. */
    Optional<ContentItem> child(ContentItem parent, Code concept) {
        Code wanted = LegacyCodes.canonical(concept);
        for (Node n : nodes(parent)) {
            if (n.name() == null && n.item().isByReference()) {
                Optional<ContentItem> target = follow(n.item());
                if (target.isPresent() && target.get().hasConceptName(concept)) {
                    return target;
                }
            } else if (wanted.equals(n.name())) {
                return Optional.of(n.item());
            }
        }
        return Optional.empty();
    }

    /** Every direct child named {@code concept}, in order. */
    List<ContentItem> children(ContentItem parent, Code concept) {
        Code wanted = LegacyCodes.canonical(concept);
        List<ContentItem> named = new ArrayList<>();
        for (Node n : nodes(parent)) {
            if (wanted.equals(n.name())) {
                named.add(n.item());
            }
        }
        return named;
    }

    /**
     * The first item named {@code concept} below {@code parent}: a direct child if one has the name, else the first
     * found the same way below each child in order. Served from an index of the subtree built on first use; a
     * subtree with by-reference items is searched item by item, so that references are followed.
     */
    Optional<ContentItem> descendant(ContentItem parent, Code concept) {
        SubtreeIndex index = subtree(parent);
        ContentItem found = index.first().get(LegacyCodes.canonical(concept));
        if (found != null || !index.hasReferences()) {
            return Optional.ofNullable(found);
        }
        return searchDescendant(parent, concept);
    }

    private record SubtreeIndex(Map<Code, ContentItem> first, boolean hasReferences) {
    }

    private SubtreeIndex subtree(ContentItem parent) {
        SubtreeIndex index = subtreeIndex.get(parent.dataset());
        if (index == null && parent.path().depth() > MAX_DEPTH) {
            finding(Finding.Severity.ERROR, parent.path().toString(), "content tree nested deeper than "
                    + MAX_DEPTH + " levels; the items below are not read");
            index = new SubtreeIndex(Map.of(), false);
            subtreeIndex.put(parent.dataset(), index);
        }
        if (index == null) {
            Map<Code, ContentItem> first = new HashMap<>();
            boolean references = false;
            Node[] nodes = nodes(parent);
            for (Node n : nodes) {
                if (n.name() != null) {
                    first.putIfAbsent(n.name(), n.item());
                } else if (n.item().isByReference()) {
                    references = true;
                }
            }
            for (Node n : nodes) {
                if (n.hasChildren()) {
                    SubtreeIndex below = subtree(n.item());
                    below.first().forEach(first::putIfAbsent);
                    references |= below.hasReferences();
                }
            }
            index = new SubtreeIndex(first, references);
            subtreeIndex.put(parent.dataset(), index);
        }
        return index;
    }

    private Optional<ContentItem> searchDescendant(ContentItem parent, Code concept) {
        Optional<ContentItem> direct = child(parent, concept);
        if (direct.isPresent() || parent.path().depth() > MAX_DEPTH) {
            return direct;
        }
        for (Node n : nodes(parent)) {
            if (n.hasChildren()) {
                Optional<ContentItem> below = searchDescendant(n.item(), concept);
                if (below.isPresent()) {
                    return below;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<ContentItem> follow(ContentItem byReference) {
        ContentTree.Reference r = tree.resolve(byReference);
        if (r instanceof ContentTree.Reference.Resolved resolved) {
            return Optional.of(resolved.target());
        }
        if (r instanceof ContentTree.Reference.Cycle cycle) {
            finding(Finding.Severity.ERROR, byReference.path().toString(),
                    "by-reference item leads back to " + cycle.to() + " (a cycle); not followed");
        } else if (r instanceof ContentTree.Reference.Dangling dangling) {
            finding(Finding.Severity.ERROR, byReference.path().toString(), "by-reference item: " + dangling.reason());
        }
        return Optional.empty();
    }

    /** True when the item has the expected value type; otherwise records a finding. */
    boolean expect(ContentItem item, ValueType type) {
        if (item.valueType().filter(t -> t == type).isPresent()) {
            return true;
        }
        finding(Finding.Severity.ERROR, item.path().toString(), "expected value type " + type + " for "
                + name(item) + ", found '" + item.valueTypeCode() + "'; not read");
        return false;
    }

    Optional<Quantity> quantity(ContentItem parent, Code concept, Unit unit) {
        return descendant(parent, concept).flatMap(i -> quantity(i, unit));
    }

    Optional<Quantity> childQuantity(ContentItem parent, Code concept, Unit unit) {
        return child(parent, concept).flatMap(i -> quantity(i, unit));
    }

    /** The NUM item's value in {@code unit}; every reason it cannot be read is a finding. */
    Optional<Quantity> quantity(ContentItem item, Unit unit) {
        if (!expect(item, ValueType.NUM)) {
            return Optional.empty();
        }
        String path = item.path().toString();
        Optional<NumericValue> numeric = item.numeric();
        if (numeric.isEmpty() || numeric.get().text().isEmpty()) {
            String why = numeric.flatMap(NumericValue::qualifier).map(q -> " (qualifier " + q + ")").orElse("");
            quirk(Quirk.EMPTY_REQUIRED_VALUE, path, name(item) + " has no numeric value" + why);
            finding(Finding.Severity.WARNING, path, name(item) + " has no numeric value" + why);
            return Optional.empty();
        }
        NumericValue n = numeric.get();
        Optional<Double> value = n.value().isPresent() ? Optional.of(n.value().getAsDouble()) : repairText(item, n);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (n.units().isEmpty()) {
            finding(Finding.Severity.ERROR, path, name(item) + " value " + n.text() + " has no units; not used");
            return Optional.empty();
        }
        Code units = n.units().get();
        if (!units.scheme().equals("UCUM")) {
            Optional<String> fixed = UnitQuirks.scheme(units.scheme());
            if (fixed.isPresent()) {
                quirk(Quirk.UNIT_SCHEME_MISSPELT, path, "units scheme " + units.scheme() + " read as UCUM");
            } else {
                finding(Finding.Severity.WARNING, path, name(item) + " units " + units + " not in UCUM; read as UCUM");
            }
        }
        return convert(item, value.get(), units.value(), unit);
    }

    private Optional<Quantity> convert(ContentItem item, double value, String written, Unit unit) {
        String path = item.path().toString();
        String code = written;
        Units.Conversion c = Units.convert(value, code, unit);
        if (c instanceof Units.Conversion.UnknownUnit) {
            Optional<UnitQuirks.UnitRepair> repair = UnitQuirks.repair(written);
            if (repair.isEmpty()) {
                finding(Finding.Severity.ERROR, path, name(item) + " value " + value + " has unknown unit '" + written
                        + "'; not used");
                return Optional.empty();
            }
            code = repair.get().ucum();
            quirk(Quirk.UNIT_CODE_NOT_UCUM, path, "unit " + written + " read as " + code);
            c = Units.convert(value, code, unit);
        }
        if (c instanceof Units.Conversion.WrongDimension) {
            finding(Finding.Severity.ERROR, path, name(item) + " value " + value + " has unit '" + written
                    + "', which is not a unit of " + unit.symbol() + "; not used");
            return Optional.empty();
        }
        if (!(c instanceof Units.Conversion.Converted converted)) {
            finding(Finding.Severity.ERROR, path, name(item) + " unit '" + written + "' cannot be read; not used");
            return Optional.empty();
        }
        if (isDose(unit) && !code.equals(unit.ucum())) {
            quirk(Quirk.UNIT_NOT_CANONICAL, path, name(item) + " in " + written + " converted to " + unit.symbol());
        }
        return Optional.of(new Quantity(converted.value(), unit, value, written));
    }

    private static boolean isDose(Unit unit) {
        return unit == Unit.GRAY || unit == Unit.GRAY_SQUARE_METRE || unit == Unit.MILLIGRAY
                || unit == Unit.MILLIGRAY_CENTIMETRE;
    }

    /** Vendor repairs of a Numeric Value text that is not a decimal; empty (with a finding) when none applies. */
    private Optional<Double> repairText(ContentItem item, NumericValue n) {
        String path = item.path().toString();
        String text = n.text();
        int slash = text.indexOf('/');
        if (slash > 0) {
            try {
                double first = Double.parseDouble(text.substring(0, slash).trim());
                quirk(Quirk.NUMERIC_VALUE_SLASH_SEPARATED, path, "Numeric Value '" + text + "' read as " + first);
                return Optional.of(first);
            } catch (NumberFormatException e) {
                // falls through to the finding
            }
        }
        finding(Finding.Severity.ERROR, path, name(item) + " Numeric Value '" + text + "' is not a decimal number");
        return Optional.empty();
    }

    Optional<Code> code(ContentItem parent, Code concept) {
        return descendant(parent, concept).flatMap(this::code);
    }

    Optional<Code> childCode(ContentItem parent, Code concept) {
        return child(parent, concept).flatMap(this::code);
    }

    Optional<Code> code(ContentItem item) {
        if (!expect(item, ValueType.CODE)) {
            return Optional.empty();
        }
        Optional<Code> code = item.code();
        if (code.isEmpty()) {
            quirk(Quirk.EMPTY_REQUIRED_VALUE, item.path().toString(), name(item) + " has no code");
            finding(Finding.Severity.WARNING, item.path().toString(), name(item) + " has no Concept Code Sequence");
        }
        return code;
    }

    /** A CODE item answering Yes (373066001) or No (373067005); SRT equivalents accepted. */
    Optional<Boolean> yesNo(ContentItem parent, Code concept) {
        Optional<ContentItem> item = descendant(parent, concept);
        Optional<Code> code = item.flatMap(this::code);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        if (item.get().hasCode(Concepts.SCT.Yes)) {
            return Optional.of(true);
        }
        if (item.get().hasCode(Concepts.SCT.No)) {
            return Optional.of(false);
        }
        finding(Finding.Severity.ERROR, item.get().path().toString(), name(item.get()) + " is " + code.get()
                + ", not Yes or No");
        return Optional.empty();
    }

    Optional<String> text(ContentItem parent, Code concept) {
        return descendant(parent, concept).flatMap(i -> expect(i, ValueType.TEXT) ? i.text() : Optional.empty());
    }

    Optional<String> childText(ContentItem parent, Code concept) {
        return child(parent, concept).flatMap(i -> expect(i, ValueType.TEXT) ? i.text() : Optional.empty());
    }

    Optional<String> uid(ContentItem parent, Code concept) {
        return descendant(parent, concept).flatMap(i -> expect(i, ValueType.UIDREF) ? i.uid() : Optional.empty());
    }

    Optional<String> childUid(ContentItem parent, Code concept) {
        return child(parent, concept).flatMap(i -> expect(i, ValueType.UIDREF) ? i.uid() : Optional.empty());
    }

    /** A PNAME item; Spectrum Dynamics writes Value Type "PERSON NAME", read as PNAME (a quirk). */
    Optional<String> personName(ContentItem parent, Code concept) {
        Optional<ContentItem> item = descendant(parent, concept);
        if (item.isPresent() && item.get().valueTypeCode().equals("PERSON NAME")) {
            quirk(Quirk.PERSON_NAME_VALUE_TYPE, item.get().path().toString(),
                    "Value Type 'PERSON NAME' read as PNAME");
            return item.get().personName().map(Object::toString);
        }
        return item.flatMap(i -> expect(i, ValueType.PNAME) ? i.personName().map(Object::toString) : Optional.empty());
    }

    /**
     * An item that the template allows as CODE or TEXT (Reference Point Definition, 113780, PS3.16 TID 10001/10003):
     * the code or the text.
     */
    Optional<CodeOrText> codeOrText(ContentItem parent, Code concept) {
        Optional<ContentItem> item = descendant(parent, concept);
        if (item.isPresent() && item.get().valueType().filter(t -> t == ValueType.TEXT).isPresent()) {
            return item.get().text().map(CodeOrText::of);
        }
        return item.flatMap(this::code).map(CodeOrText::of);
    }

    Optional<LocalDateTime> dateTime(ContentItem parent, Code concept) {
        return descendant(parent, concept).flatMap(this::dateTime);
    }

    Optional<LocalDateTime> childDateTime(ContentItem parent, Code concept) {
        return child(parent, concept).flatMap(this::dateTime);
    }

    private Optional<LocalDateTime> dateTime(ContentItem item) {
        if (!expect(item, ValueType.DATETIME)) {
            return Optional.empty();
        }
        Optional<LocalDateTime> dt = item.dateTime().map(DicomDateTime::value);
        if (dt.isEmpty()) {
            finding(Finding.Severity.WARNING, item.path().toString(), name(item) + " has no valid DateTime value");
        }
        return dt;
    }

    static String name(ContentItem item) {
        return item.conceptName().map(c -> "(" + c.value() + ", " + c.scheme() + ", \"" + c.meaning() + "\")")
                .orElse("content item");
    }
}
