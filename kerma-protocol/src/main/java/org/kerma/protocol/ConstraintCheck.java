package org.kerma.protocol;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;
import org.kerma.protocol.ConstraintResult.Outcome;

/**
 * Checks what was performed against the constraints of a defined protocol (PS3.3 section 10.25, Attribute Value
 * Constraint Macro; C.34.9 to C.34.14 for the elements).
 *
 * <p>Semantics, per Constraint Type (0082,0032):
 * <ul>
 *   <li>Values are compared as numbers when the constraint's VR is a number VR (DS, IS, FL, FD, US, SS, UL, SL, SV,
 *       UV), as ages in days for AS (D = 1, W = 7, M = 30.4375, Y = 365.25 days), as instants for DA, TM and DT
 *       (without time-zone offsets), as codes by (value, scheme) for code sequences, and as trimmed text otherwise.
 *       Numbers are equal within a relative 1e-6, so FL values rounded to single precision still match their
 *       decimal constraint; the same tolerance makes the bounds of the ordering comparisons inclusive or exclusive.
 *   <li>RANGE_INCL, RANGE_EXCL, GREATER_*, LESS_*: every selected value must satisfy the bound; a bound with as many
 *       values as the attribute is compared value by value (e.g. both Field of View dimensions). Text and codes have
 *       no order: not evaluable.
 *   <li>EQUAL: the selected values equal the constraint's values, in order (codes: as a set).
 *   <li>MEMBER_OF / NOT_MEMBER_OF: with single-valued items, each selected value is (is not) one of them; with
 *       multi-valued items, the selected values as a whole equal (equal none of) one item. Codes: each selected
 *       code is (none is) among the codes of the items.
 *   <li>MEMBER_OF_CID: not evaluable here (context group tables belong to kerma-standard). UNCONSTRAINED: pass.
 * </ul>
 * Selector Value Number (0072,0028) picks one value (1 = first) or all (0); Selector Sequence Pointer (0072,0052)
 * with its Items (0074,1057) descends nested sequences, item 0 taking every item (each must satisfy).
 *
 * <p>Thread-safe and stateless.
 */
public final class ConstraintCheck {
    private static final double TOLERANCE = 1e-6;
    private static final Pattern AGE = Pattern.compile("(\\d{3})([DWMY])");

    private ConstraintCheck() {
    }

    /**
     * The outcome of one constraint against one data set (a performed element item, a performed protocol, an
     * image).
     *
     * @param outcome pass, fail or not evaluable
     * @param actual  the values found
     * @param detail  the comparison made, or why none could be made
     */
    public record Evaluation(Outcome outcome, List<AttributeValue> actual, String detail) {
    }

    /**
     * Checks a performed protocol: the defined protocol's patient specification against the performed protocol's
     * patient attributes, then each performed element against the constraints of the defined element with the same
     * kind and number. Defined elements that were not performed give NOT_EVALUABLE results; performed elements
     * without a defined counterpart, and a performed protocol that does not reference the defined one, give
     * findings.
     */
    public static Compliance check(DefinedProtocol defined, PerformedProtocol performed) {
        List<ConstraintResult> results = new ArrayList<>();
        List<ProtocolFinding> findings = new ArrayList<>();
        String subject = performed.sopInstanceUid();
        if (performed.definedProtocols().stream().noneMatch(r -> r.sopInstanceUid().equals(defined.sopInstanceUid()))) {
            findings.add(new ProtocolFinding(ItemPath.name(Tag.ReferencedDefinedProtocolSequence), "performed protocol "
                    + subject + " does not reference defined protocol " + defined.sopInstanceUid()));
        }
        checkPatient(defined, performed.attributes(), subject, false, results);
        for (ProtocolElement d : defined.elements()) {
            Optional<ProtocolElement> p = performed.element(d.kind(), d.number());
            for (AttributeValueConstraint c : d.constraints()) {
                Evaluation e = p.isPresent() ? evaluate(c, p.get().attributes())
                        : new Evaluation(Outcome.NOT_EVALUABLE, List.of(), d.label() + " was not performed");
                results.add(result(subject, d, c, e));
            }
        }
        for (ProtocolElement p : performed.elements()) {
            if (defined.element(p.kind(), p.number()).isEmpty()) {
                findings.add(new ProtocolFinding(p.path(), "performed " + p.label() + " has no defined counterpart"
                        + " in " + defined.sopInstanceUid()));
            }
        }
        return new Compliance(defined.sopInstanceUid(), defined.context().protocolName(), results, findings);
    }

    /**
     * Checks images where no performed protocol exists: each image that references the defined protocol (General
     * Procedure Protocol Reference Macro) is checked against the patient specification and the constraints of the
     * elements it names. The selector's path is applied to the image; when its first sequence is absent from the
     * image, the attribute is looked up at the image's top level (images carry acquisition values there), and the
     * detail says so. Images that reference other protocols only are skipped; references to element numbers the
     * protocol does not have are findings.
     */
    public static Compliance checkImages(DefinedProtocol defined, List<DicomObject> images) {
        List<ConstraintResult> results = new ArrayList<>();
        List<ProtocolFinding> findings = new ArrayList<>();
        int referencing = 0;
        for (DicomObject image : images) {
            String subject = Values.string(image, Tag.SOPInstanceUID, ItemPath.ROOT, null);
            Reading<List<ProtocolReference>> refs = ProtocolReference.readAll(image);
            refs.findings().forEach(f -> findings.add(new ProtocolFinding("image " + subject + " " + f.path(),
                    f.message())));
            List<ProtocolReference> mine = refs.value().stream()
                    .filter(r -> r.kind() == ProtocolReference.Kind.DEFINED
                            && r.protocol().sopInstanceUid().equals(defined.sopInstanceUid()))
                    .toList();
            if (mine.isEmpty()) {
                continue;
            }
            referencing++;
            checkPatient(defined, image, subject, true, results);
            for (ProtocolReference ref : mine) {
                checkImageElements(defined, image, subject, ref, ElementKind.ACQUISITION,
                        ref.sourceAcquisitionElements(), results, findings);
                checkImageElements(defined, image, subject, ref, ElementKind.RECONSTRUCTION,
                        ref.sourceReconstructionElements(), results, findings);
            }
        }
        if (referencing == 0) {
            findings.add(new ProtocolFinding("", "none of the " + images.size() + " image(s) references defined"
                    + " protocol " + defined.sopInstanceUid()));
        }
        return new Compliance(defined.sopInstanceUid(), defined.context().protocolName(), results, findings);
    }

    private static void checkImageElements(DefinedProtocol defined, DicomObject image, String subject,
                                           ProtocolReference ref, ElementKind kind, List<Integer> numbers,
                                           List<ConstraintResult> results, List<ProtocolFinding> findings) {
        for (int number : numbers) {
            Optional<ProtocolElement> d = defined.element(kind, number);
            if (d.isEmpty()) {
                findings.add(new ProtocolFinding("image " + subject + " " + ref.path(), "references " + kind.label()
                        + " element " + number + " of " + defined.sopInstanceUid() + ", which it does not have"));
                continue;
            }
            for (AttributeValueConstraint c : d.get().constraints()) {
                results.add(result(subject, d.get(), c, evaluateOnImage(c, image)));
            }
        }
    }

    private static void checkPatient(DefinedProtocol defined, DicomObject target, String subject, boolean image,
                                     List<ConstraintResult> results) {
        for (AttributeValueConstraint c : defined.patientSpecification().constraints()) {
            Evaluation e = image ? evaluateOnImage(c, target) : evaluate(c, target);
            results.add(new ConstraintResult(subject, "patient", Optional.empty(), 0, c, e.outcome(), e.actual(),
                    e.detail()));
        }
    }

    private static ConstraintResult result(String subject, ProtocolElement d, AttributeValueConstraint c,
                                           Evaluation e) {
        return new ConstraintResult(subject, d.label(), Optional.of(d.kind()), d.number(), c, e.outcome(),
                e.actual(), e.detail());
    }

    private static Evaluation evaluateOnImage(AttributeValueConstraint c, DicomObject image) {
        AttributeSelector s = c.selector();
        if (!s.path().isEmpty() && s.attribute().isPresent()) {
            AttributeSelector.SequenceStep first = s.path().get(0);
            if (AttributeSelector.resolve(image, first.sequence(), first.privateCreator()) == 0
                    || !image.contains(AttributeSelector.resolve(image, first.sequence(), first.privateCreator()))) {
                AttributeSelector flat = new AttributeSelector(s.attribute(), s.privateCreator(), s.vr(), s.name(),
                        s.keyword(), s.valueNumber(), List.of());
                AttributeValueConstraint top = new AttributeValueConstraint(flat, c.typeText(), c.type(), c.values(),
                        c.significance(), c.violationCondition(), c.recommendedDefault(), c.units(), c.guidance(),
                        c.modifiable(), c.path());
                Evaluation e = evaluate(top, image);
                return new Evaluation(e.outcome(), e.actual(), e.detail() + " (image top level: the image has no "
                        + ItemPath.name(first.sequence()) + ")");
            }
        }
        return evaluate(c, image);
    }

    /** Evaluates one constraint against the data set its selector starts from. */
    public static Evaluation evaluate(AttributeValueConstraint c, DicomObject target) {
        if (c.type().isEmpty()) {
            return new Evaluation(Outcome.NOT_EVALUABLE, List.of(), "Constraint Type '" + c.typeText()
                    + "' is not one of the standard's");
        }
        ConstraintType type = c.type().get();
        if (type == ConstraintType.UNCONSTRAINED) {
            return new Evaluation(Outcome.PASS, List.of(), "unconstrained");
        }
        AttributeSelector.Selection selection = c.selector().select(target);
        if (!selection.complete()) {
            return new Evaluation(Outcome.NOT_EVALUABLE, selection.values(), selection.missing());
        }
        if (type == ConstraintType.MEMBER_OF_CID) {
            return new Evaluation(Outcome.NOT_EVALUABLE, selection.values(), "membership of context group "
                    + c.values() + " is not evaluated here (context groups are in kerma-standard)");
        }
        if (c.values().size() < type.minValues() || c.values().size() > type.maxValues()) {
            return new Evaluation(Outcome.NOT_EVALUABLE, selection.values(), type + " needs " + type.minValues()
                    + (type.minValues() == type.maxValues() ? "" : " or more") + " constraint value(s), the"
                    + " constraint has " + c.values().size());
        }
        for (AttributeValue actual : selection.values()) {
            Comparison r = compare(type, actual, c.values());
            if (r.reason != null) {
                return new Evaluation(Outcome.NOT_EVALUABLE, selection.values(), r.reason);
            }
            if (!r.satisfied) {
                return new Evaluation(Outcome.FAIL, selection.values(), "actual " + actual + ", allowed "
                        + c.allowed());
            }
        }
        return new Evaluation(Outcome.PASS, selection.values(), "actual " + joined(selection.values())
                + ", allowed " + c.allowed());
    }

    private static String joined(List<AttributeValue> values) {
        List<String> s = new ArrayList<>();
        values.forEach(v -> s.add(v.toString()));
        return String.join(" | ", s);
    }

    /** Satisfied or not; or a reason why no comparison is possible. */
    private record Comparison(boolean satisfied, String reason) {
        static Comparison of(boolean satisfied) {
            return new Comparison(satisfied, null);
        }

        static Comparison impossible(String reason) {
            return new Comparison(false, reason);
        }
    }

    private static Comparison compare(ConstraintType type, AttributeValue actual, List<AttributeValue> allowed) {
        VR domain = allowed.isEmpty() ? actual.vr() : allowed.get(0).vr();
        if (domain == VR.SQ || actual.coded()) {
            if (domain != VR.SQ || !actual.coded()) {
                return Comparison.impossible("a code cannot be compared with text (" + actual.vr() + " against "
                        + domain + ")");
            }
            return compareCodes(type, actual, allowed);
        }
        if (actual.values().isEmpty()) {
            return Comparison.impossible("the attribute has no value in a comparable form (VR " + actual.vr() + ")");
        }
        List<Double> a = new ArrayList<>();
        List<List<Double>> b = new ArrayList<>();
        boolean ordered = ordered(domain);
        if (ordered) {
            try {
                for (String v : actual.values()) {
                    a.add(key(domain, v));
                }
                for (AttributeValue item : allowed) {
                    List<Double> k = new ArrayList<>();
                    for (String v : item.values()) {
                        k.add(key(domain, v));
                    }
                    b.add(k);
                }
            } catch (IllegalArgumentException e) {
                return Comparison.impossible(e.getMessage());
            }
        } else if (type.ordering()) {
            return Comparison.impossible(type + " needs ordered values; " + domain + " values have no order");
        }
        return switch (type) {
            case EQUAL -> Comparison.of(ordered ? vectorEquals(a, b.get(0))
                    : actual.values().equals(allowed.get(0).values()));
            case MEMBER_OF -> Comparison.of(member(ordered, actual, a, allowed, b));
            case NOT_MEMBER_OF -> Comparison.of(!anyMember(ordered, actual, a, allowed, b));
            default -> bounds(type, a, b);
        };
    }

    private static boolean member(boolean ordered, AttributeValue actual, List<Double> a,
                                  List<AttributeValue> allowed, List<List<Double>> b) {
        if (allowed.stream().allMatch(v -> v.size() == 1) && actual.size() > 1) {
            for (int i = 0; i < actual.size(); i++) {
                if (!scalarMember(ordered, actual.values().get(i), ordered ? a.get(i) : 0, allowed, b)) {
                    return false;
                }
            }
            return true;
        }
        for (int k = 0; k < allowed.size(); k++) {
            if (ordered ? vectorEquals(a, b.get(k)) : actual.values().equals(allowed.get(k).values())) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMember(boolean ordered, AttributeValue actual, List<Double> a,
                                     List<AttributeValue> allowed, List<List<Double>> b) {
        if (allowed.stream().allMatch(v -> v.size() == 1) && actual.size() > 1) {
            for (int i = 0; i < actual.size(); i++) {
                if (scalarMember(ordered, actual.values().get(i), ordered ? a.get(i) : 0, allowed, b)) {
                    return true;
                }
            }
            return false;
        }
        return member(ordered, actual, a, allowed, b);
    }

    private static boolean scalarMember(boolean ordered, String text, double key, List<AttributeValue> allowed,
                                        List<List<Double>> b) {
        for (int k = 0; k < allowed.size(); k++) {
            if (ordered ? equal(key, b.get(k).get(0)) : text.equals(allowed.get(k).values().get(0))) {
                return true;
            }
        }
        return false;
    }

    private static Comparison bounds(ConstraintType type, List<Double> a, List<List<Double>> b) {
        for (int i = 0; i < a.size(); i++) {
            double x = a.get(i);
            Double lo = pick(b.get(0), i, a.size());
            Double hi = b.size() > 1 ? pick(b.get(1), i, a.size()) : null;
            if (lo == null || (b.size() > 1 && hi == null)) {
                return Comparison.impossible("the bound has " + b.get(0).size() + " value(s), the attribute "
                        + a.size());
            }
            boolean ok = switch (type) {
                case RANGE_INCL -> ge(x, lo) && ge(hi, x);
                case RANGE_EXCL -> gt(x, lo) && gt(hi, x);
                case GREATER_OR_EQUAL -> ge(x, lo);
                case GREATER_THAN -> gt(x, lo);
                case LESS_OR_EQUAL -> ge(lo, x);
                case LESS_THAN -> gt(lo, x);
                default -> throw new IllegalStateException(type + " is not an ordering");
            };
            if (!ok) {
                return Comparison.of(false);
            }
        }
        return Comparison.of(true);
    }

    private static Double pick(List<Double> bound, int i, int n) {
        if (bound.size() == n) {
            return bound.get(i);
        }
        return bound.size() == 1 ? bound.get(0) : null;
    }

    private static Comparison compareCodes(ConstraintType type, AttributeValue actual, List<AttributeValue> allowed) {
        Set<Code> all = new HashSet<>();
        allowed.forEach(v -> all.addAll(v.codes()));
        Set<Code> mine = new HashSet<>(actual.codes());
        return switch (type) {
            case EQUAL -> Comparison.of(mine.equals(new HashSet<>(allowed.get(0).codes())));
            case MEMBER_OF -> Comparison.of(all.containsAll(mine));
            case NOT_MEMBER_OF -> Comparison.of(mine.stream().noneMatch(all::contains));
            default -> Comparison.impossible(type + " needs ordered values; codes have no order");
        };
    }

    private static boolean ordered(VR vr) {
        return switch (vr) {
            case DS, IS, FL, FD, US, SS, UL, SL, SV, UV, AS, DA, TM, DT -> true;
            default -> false;
        };
    }

    /** The value as a number on a scale where order and equality are those of the VR. */
    static double key(VR domain, String text) {
        String t = text.trim();
        try {
            return switch (domain) {
                case AS -> age(t);
                case DA -> LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE).toEpochDay();
                case TM -> seconds(t);
                case DT -> dateTime(t);
                default -> Double.parseDouble(t);
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + domain + " value");
        }
    }

    private static double age(String t) {
        Matcher m = AGE.matcher(t);
        if (!m.matches()) {
            throw new NumberFormatException(t);
        }
        double unit = switch (m.group(2)) {
            case "D" -> 1;
            case "W" -> 7;
            case "M" -> 30.4375;
            default -> 365.25;
        };
        return Integer.parseInt(m.group(1)) * unit;
    }

    private static double seconds(String t) {
        String s = t.replace(":", "");
        double hours = Integer.parseInt(s.substring(0, 2));
        double minutes = s.length() >= 4 ? Integer.parseInt(s.substring(2, 4)) : 0;
        double secs = s.length() > 4 ? Double.parseDouble(s.substring(4)) : 0;
        return hours * 3600 + minutes * 60 + secs;
    }

    private static double dateTime(String t) {
        String s = t.replaceAll("[+-]\\d{4}$", "");
        LocalDate date = LocalDate.of(Integer.parseInt(s.substring(0, 4)),
                s.length() >= 6 ? Integer.parseInt(s.substring(4, 6)) : 1,
                s.length() >= 8 ? Integer.parseInt(s.substring(6, 8)) : 1);
        return date.toEpochDay() * 86400.0 + (s.length() > 8 ? seconds(s.substring(8)) : 0);
    }

    private static boolean vectorEquals(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(double x, double y) {
        return Math.abs(x - y) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    private static boolean ge(double x, double y) {
        return x > y || equal(x, y);
    }

    private static boolean gt(double x, double y) {
        return x > y && !equal(x, y);
    }
}
