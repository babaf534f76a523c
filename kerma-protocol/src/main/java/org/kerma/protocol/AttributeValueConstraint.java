package org.kerma.protocol;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Tags;
import org.kerma.dicom.VR;

/**
 * One constraint on one attribute: an item of a Parameters Specification Sequence (0018,9913) or of the Patient
 * Specification Sequence (0018,9911), laid out by the Attribute Value Constraint Macro (PS3.3 section 10.25).
 *
 * @param selector         the attribute constrained
 * @param typeText         Constraint Type (0082,0032) as found
 * @param type             the same as a constant; empty when the text is not one of the standard's types
 * @param values           the Constraint Value Sequence (0082,0034), one entry per item
 * @param significance     Constraint Violation Significance (0082,0036): FAILURE, WARNING, INFORMATIVE; "" absent
 * @param violationCondition Constraint Violation Condition (0082,0037); "" when absent
 * @param recommendedDefault Recommended Default Value Sequence (0082,0035)
 * @param units            Measurement Units Code Sequence (0040,08EA) of the values
 * @param guidance         Specification Selection Guidance (0082,0033); "" when absent
 * @param modifiable       Modifiable Constraint Flag (0082,0038): YES true, NO false, empty when absent
 *                         (PS3.3 section C.34.9.4: absent means the constraint may be modified)
 * @param path             the item path of this constraint in its data set
 */
public record AttributeValueConstraint(AttributeSelector selector, String typeText, Optional<ConstraintType> type,
                                       List<AttributeValue> values, String significance, String violationCondition,
                                       Optional<AttributeValue> recommendedDefault, Optional<Code> units,
                                       String guidance, Optional<Boolean> modifiable, String path) {

    public AttributeValueConstraint {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(typeText, "typeText");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
        Objects.requireNonNull(significance, "significance");
        Objects.requireNonNull(violationCondition, "violationCondition");
        Objects.requireNonNull(recommendedDefault, "recommendedDefault");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(guidance, "guidance");
        Objects.requireNonNull(modifiable, "modifiable");
        Objects.requireNonNull(path, "path");
    }

    /** The selector's name for display: the Selector Attribute Name, else its keyword, else its path. */
    public String attributeName() {
        return !selector.name().isEmpty() ? selector.name() : selector.describe();
    }

    /** The allowed values as a person reads them: {@code 180 .. 200}, {@code > 18Y}, {@code one of A, B}. */
    public String allowed() {
        String unit = units.map(u -> " " + u.value()).orElse("");
        String v1 = values.isEmpty() ? "?" : values.get(0).toString();
        String v2 = values.size() < 2 ? "?" : values.get(1).toString();
        if (type.isEmpty()) {
            return typeText + " " + values;
        }
        return switch (type.get()) {
            case RANGE_INCL -> "[" + v1 + " .. " + v2 + "]" + unit;
            case RANGE_EXCL -> "(" + v1 + " .. " + v2 + ")" + unit;
            case GREATER_OR_EQUAL -> ">= " + v1 + unit;
            case LESS_OR_EQUAL -> "<= " + v1 + unit;
            case GREATER_THAN -> "> " + v1 + unit;
            case LESS_THAN -> "< " + v1 + unit;
            case EQUAL -> "= " + v1 + unit;
            case MEMBER_OF -> "one of " + join(values) + unit;
            case NOT_MEMBER_OF -> "none of " + join(values) + unit;
            case MEMBER_OF_CID -> "a code of CID " + v1;
            case UNCONSTRAINED -> "any value";
        };
    }

    private static String join(List<AttributeValue> values) {
        List<String> s = new ArrayList<>();
        for (AttributeValue v : values) {
            s.add(v.toString());
        }
        return String.join(" | ", s);
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    private static final Map<VR, Integer> SELECTOR_VALUE_TAGS = selectorValueTags();

    /** Selector &lt;VR&gt; Value tags of the Attribute Value Macro (PS3.3 Table 10.25-2), from the dictionary. */
    private static Map<VR, Integer> selectorValueTags() {
        Map<VR, Integer> m = new EnumMap<>(VR.class);
        ElementDictionary dict = ElementDictionary.standard();
        for (VR vr : VR.values()) {
            OptionalInt tag = vr == VR.SQ ? OptionalInt.of(Tag.SelectorCodeSequenceValue)
                    : dict.tagOf("Selector" + vr.name() + "Value");
            tag.ifPresent(t -> m.put(vr, t));
        }
        return java.util.Collections.unmodifiableMap(m); // EnumMap: VR order, so the first value found is stable
    }

    /** Reads one constraint item; problems go to {@code findings} with paths below {@code at}. */
    static AttributeValueConstraint read(DicomObject item, ItemPath at, List<ProtocolFinding> findings) {
        AttributeSelector selector = readSelector(item, at, findings);
        String typeText = Values.string(item, Tag.ConstraintType, at, findings);
        Optional<ConstraintType> type = ConstraintType.of(typeText);
        if (type.isEmpty()) {
            findings.add(new ProtocolFinding(at.attribute(Tag.ConstraintType), typeText.isEmpty()
                    ? "Constraint Type is missing" : "Constraint Type '" + typeText + "' is not one of the standard's"
                    + " (PS3.3 section 10.25.1)"));
        }
        VR expected = parseVr(selector.vr());
        List<AttributeValue> values = new ArrayList<>();
        int n = 0;
        for (DicomObject v : Values.items(item, Tag.ConstraintValueSequence, at, findings)) {
            readValue(v, expected, at.item(Tag.ConstraintValueSequence, ++n), findings).ifPresent(values::add);
        }
        if (type.isPresent()) {
            checkCount(type.get(), values, n, at, findings);
        }
        Optional<AttributeValue> recommended = Optional.empty();
        List<DicomObject> defaults = Values.items(item, Tag.RecommendedDefaultValueSequence, at, findings);
        if (!defaults.isEmpty()) {
            recommended = readValue(defaults.get(0), expected, at.item(Tag.RecommendedDefaultValueSequence, 1),
                    findings);
        }
        Optional<Code> units = ProtocolReader.codes(item, Tag.MeasurementUnitsCodeSequence).stream().findFirst();
        String flag = Values.string(item, Tag.ModifiableConstraintFlag, at, findings);
        Optional<Boolean> modifiable = switch (flag) {
            case "YES" -> Optional.of(true);
            case "NO" -> Optional.of(false);
            case "" -> Optional.empty();
            default -> {
                findings.add(new ProtocolFinding(at.attribute(Tag.ModifiableConstraintFlag),
                        "Modifiable Constraint Flag '" + flag + "' is neither YES nor NO"));
                yield Optional.empty();
            }
        };
        return new AttributeValueConstraint(selector, typeText, type, values,
                Values.string(item, Tag.ConstraintViolationSignificance, at, findings),
                Values.string(item, Tag.ConstraintViolationCondition, at, findings), recommended, units,
                Values.string(item, Tag.SpecificationSelectionGuidance, at, findings), modifiable, at.toString());
    }

    private static void checkCount(ConstraintType t, List<AttributeValue> values, int items, ItemPath at,
                                   List<ProtocolFinding> findings) {
        if (items < t.minValues() || items > t.maxValues()) {
            String want = t.minValues() == t.maxValues() ? Integer.toString(t.minValues())
                    : t.minValues() + " or more";
            findings.add(new ProtocolFinding(at.attribute(Tag.ConstraintValueSequence), t + " needs " + want
                    + " item(s) in the Constraint Value Sequence, found " + items));
        }
        if ((t == ConstraintType.RANGE_INCL || t == ConstraintType.RANGE_EXCL) && values.size() == 2) {
            Double lo = firstNumber(values.get(0));
            Double hi = firstNumber(values.get(1));
            if (lo != null && hi != null && lo > hi) {
                findings.add(new ProtocolFinding(at.attribute(Tag.ConstraintValueSequence),
                        "range lower bound " + values.get(0) + " is above the upper bound " + values.get(1)));
            }
        }
    }

    private static Double firstNumber(AttributeValue v) {
        if (v.values().isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(v.values().get(0).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<AttributeValue> readValue(DicomObject item, VR expected, ItemPath at,
                                                      List<ProtocolFinding> findings) {
        List<VR> present = new ArrayList<>();
        for (Map.Entry<VR, Integer> e : SELECTOR_VALUE_TAGS.entrySet()) {
            if (item.contains(e.getValue())) {
                present.add(e.getKey());
            }
        }
        if (present.isEmpty()) {
            findings.add(new ProtocolFinding(at.toString(), "no Selector <VR> Value attribute in this item"));
            return Optional.empty();
        }
        VR vr = expected != null && present.contains(expected) ? expected : present.get(0);
        if (expected != null && vr != expected) {
            findings.add(new ProtocolFinding(at.attribute(SELECTOR_VALUE_TAGS.get(vr)), "constraint value of the"
                    + " wrong VR: Selector " + vr + " Value given, the Selector Attribute VR is " + expected));
        }
        int tag = SELECTOR_VALUE_TAGS.get(vr);
        if (vr == VR.SQ) {
            List<Code> codes = new ArrayList<>();
            int n = 0;
            for (DicomObject c : Values.items(item, tag, at, findings)) {
                n++;
                Optional<Code> code = ProtocolReader.code(c);
                if (code.isEmpty()) {
                    findings.add(new ProtocolFinding(at.item(tag, n).toString(), "code item without a code value"));
                }
                code.ifPresent(codes::add);
            }
            return Optional.of(new AttributeValue(VR.SQ, List.of(), codes));
        }
        if (vr.kind() == VR.Kind.BYTES) {
            return Optional.of(new AttributeValue(vr, List.of(), List.of()));
        }
        try {
            if (item.valueAt(item.indexOf(tag)) instanceof org.kerma.dicom.Sequence) {
                throw new IllegalArgumentException("a sequence where a value belongs");
            }
            return Optional.of(new AttributeValue(vr, AttributeValue.texts(item, tag, vr), List.of()));
        } catch (RuntimeException e) {
            findings.add(new ProtocolFinding(at.attribute(tag), "unreadable value: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static VR parseVr(String text) {
        try {
            return text.isEmpty() ? null : VR.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AttributeSelector readSelector(DicomObject item, ItemPath at, List<ProtocolFinding> findings) {
        ElementDictionary dict = ElementDictionary.standard();
        List<Long> attributeTags = Values.longs(item, Tag.SelectorAttribute, at, findings);
        OptionalInt attribute = attributeTags.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(attributeTags.get(0).intValue());
        String vrText = Values.string(item, Tag.SelectorAttributeVR, at, findings);
        String creator = Values.string(item, Tag.SelectorAttributePrivateCreator, at, findings);
        if (vrText.isEmpty()) {
            findings.add(new ProtocolFinding(at.attribute(Tag.SelectorAttributeVR),
                    "Selector Attribute VR is missing"));
        } else if (parseVr(vrText) == null) {
            findings.add(new ProtocolFinding(at.attribute(Tag.SelectorAttributeVR), "'" + vrText + "' is not a VR"));
        }
        if (attribute.isPresent()) {
            int tag = attribute.getAsInt();
            if (Tags.isPrivate(tag)) {
                if (creator.isEmpty()) {
                    findings.add(new ProtocolFinding(at.attribute(Tag.SelectorAttributePrivateCreator),
                            "Selector Attribute " + Tags.format(tag) + " is private but has no Private Creator"));
                }
            } else if (dict.find(tag).isEmpty()) {
                findings.add(new ProtocolFinding(at.attribute(Tag.SelectorAttribute), "Selector Attribute "
                        + Tags.format(tag) + " points nowhere: the data dictionary has no such attribute"));
            } else if (parseVr(vrText) != null && !dict.find(tag).get().vrs().contains(parseVr(vrText))) {
                findings.add(new ProtocolFinding(at.attribute(Tag.SelectorAttributeVR), "Selector Attribute VR "
                        + vrText + " differs from the dictionary's " + dict.vrOf(tag) + " for "
                        + dict.describe(tag)));
            }
        }
        List<AttributeSelector.SequenceStep> path = readPath(item, at, findings);
        if (attribute.isEmpty() && path.isEmpty()) {
            findings.add(new ProtocolFinding(at.attribute(Tag.SelectorAttribute),
                    "neither Selector Attribute nor Selector Sequence Pointer: the constraint selects nothing"));
        }
        OptionalInt valueNumber = Values.integer(item, Tag.SelectorValueNumber, at, findings);
        return new AttributeSelector(attribute, creator, vrText,
                Values.string(item, Tag.SelectorAttributeName, at, findings),
                Values.string(item, Tag.SelectorAttributeKeyword, at, findings), valueNumber, path);
    }

    private static List<AttributeSelector.SequenceStep> readPath(DicomObject item, ItemPath at,
                                                                 List<ProtocolFinding> findings) {
        long[] pointers = Values.longs(item, Tag.SelectorSequencePointer, at, findings).stream()
                .mapToLong(Long::longValue).toArray();
        if (pointers.length == 0) {
            return List.of();
        }
        List<String> itemNumbers = Values.strings(item, Tag.SelectorSequencePointerItems, at, findings);
        List<String> creators = Values.strings(item, Tag.SelectorSequencePointerPrivateCreator, at, findings);
        if (itemNumbers.size() != pointers.length) {
            findings.add(new ProtocolFinding(at.attribute(Tag.SelectorSequencePointerItems), "has "
                    + itemNumbers.size() + " value(s) for " + pointers.length + " Selector Sequence Pointer value(s);"
                    + " missing item numbers are taken as 0 (every item)"));
        }
        ElementDictionary dict = ElementDictionary.standard();
        List<AttributeSelector.SequenceStep> path = new ArrayList<>();
        for (int i = 0; i < pointers.length; i++) {
            int tag = (int) pointers[i];
            String creator = i < creators.size() ? creators.get(i).trim() : "";
            if (Tags.isPrivate(tag)) {
                if (creator.isEmpty()) {
                    findings.add(new ProtocolFinding(at.attribute(Tag.SelectorSequencePointerPrivateCreator),
                            "Selector Sequence Pointer " + Tags.format(tag)
                                    + " is private but has no Private Creator"));
                }
            } else if (dict.vrOf(tag) != VR.SQ) {
                findings.add(new ProtocolFinding(at.attribute(Tag.SelectorSequencePointer),
                        "Selector Sequence Pointer value " + (i + 1) + " " + dict.describe(tag) + " points nowhere: "
                                + (dict.find(tag).isEmpty() ? "the data dictionary has no such attribute"
                                : "it is not a sequence (VR " + dict.vrOf(tag) + ")")));
            }
            int itemNumber = 0;
            if (i < itemNumbers.size()) {
                try {
                    itemNumber = Integer.parseInt(itemNumbers.get(i).trim());
                } catch (NumberFormatException e) {
                    findings.add(new ProtocolFinding(at.attribute(Tag.SelectorSequencePointerItems),
                            "'" + itemNumbers.get(i) + "' is not an item number"));
                }
                if (itemNumber < 0) {
                    findings.add(new ProtocolFinding(at.attribute(Tag.SelectorSequencePointerItems),
                            "item number " + itemNumber + " is negative; taken as 0 (every item)"));
                    itemNumber = 0;
                }
            }
            path.add(new AttributeSelector.SequenceStep(tag, itemNumber, creator));
        }
        return path;
    }
}
