package org.kerma.standard.validate;

import java.util.List;
import java.util.Map;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.InvalidValueException;
import org.kerma.dicom.Sequence;
import org.kerma.standard.AttributeType;
import org.kerma.standard.Condition;
import org.kerma.standard.Module;
import org.kerma.standard.ModuleAttribute;
import org.kerma.standard.Standard;
import org.kerma.standard.ValueSet;

/**
 * Checks one module of one object: walks the module's attribute table level by level, into every item of every
 * sequence present, and records a finding for each broken rule of type, condition, value set and item count.
 * One instance per module check; not thread-safe.
 */
final class ModuleCheck {
    private final Standard standard;
    private final Module module;
    private final Map<List<String>, List<ModuleAttribute>> levels;
    private final DicomObject root;
    private final List<Finding> findings;

    ModuleCheck(Standard standard, Module module, Map<List<String>, List<ModuleAttribute>> levels, DicomObject root,
                List<Finding> findings) {
        this.standard = standard;
        this.module = module;
        this.levels = levels;
        this.root = root;
        this.findings = findings;
    }

    void run() {
        check(root, List.of(), "");
    }

    /** "Seq[n]" appended to a path, n 1-based. */
    static String itemPath(String path, String sequence, int index) {
        String item = sequence + "[" + (index + 1) + "]";
        return path.isEmpty() ? item : path + ">" + item;
    }

    private void check(DicomObject item, List<String> level, String path) {
        List<ModuleAttribute> rows = levels.getOrDefault(level, List.of());
        if (!level.isEmpty()) {
            recurse(item, level, rows, path);
        }
        for (ModuleAttribute a : rows) {
            if (!macroApplies(a, item)) {
                continue;
            }
            checkAttribute(a, item, path);
            List<String> inner = level(a.path());
            if (inner != null && item.findValue(a.tag()).orElse(null) instanceof Sequence sequence) {
                for (int n = 0; n < sequence.size(); n++) {
                    check(sequence.item(n), inner, itemPath(path, a.keyword(), n));
                }
            }
        }
    }

    /**
     * A sequence of the same keyword nested in its own item (the SR Content Sequence) whose level the tables do not
     * list again: its items are checked against the outermost level of that keyword.
     */
    private void recurse(DicomObject item, List<String> level, List<ModuleAttribute> rows, String path) {
        String keyword = level.get(level.size() - 1);
        int tag = ElementDictionary.standard().tagOf(keyword).orElse(-1);
        if (tag == -1 || rows.stream().anyMatch(r -> r.tag() == tag)
                || !(item.findValue(tag).orElse(null) instanceof Sequence sequence)) {
            return;
        }
        List<String> nested = new java.util.ArrayList<>(level);
        nested.add(keyword);
        List<String> inner = level(nested);
        if (inner != null) {
            for (int n = 0; n < sequence.size(); n++) {
                check(sequence.item(n), inner, itemPath(path, keyword, n));
            }
        }
    }

    /**
     * The rows that apply inside a sequence at {@code path}: its own level, or for a recursive structure (the SR
     * Content Sequence, whose macro invokes itself and is tabulated one level deep) the level of the outermost
     * sequence of the same keyword. Null when the module tabulates nothing inside.
     */
    private List<String> level(List<String> path) {
        List<String> p = path;
        while (!levels.containsKey(p)) {
            String last = p.get(p.size() - 1);
            int first = p.indexOf(last);
            if (first == p.size() - 1) {
                return null;
            }
            p = p.subList(0, first + 1);
        }
        return p;
    }

    private boolean macroApplies(ModuleAttribute a, DicomObject item) {
        for (String name : a.macroConditions()) {
            Condition.Result r = standard.condition(name).map(c -> c.evaluate(item, root))
                    .orElse(Condition.Result.NOT_EVALUABLE);
            if (r != Condition.Result.TRUE) {
                return false;
            }
        }
        return true;
    }

    private void checkAttribute(ModuleAttribute a, DicomObject item, String path) {
        boolean present = item.contains(a.tag());
        boolean hasValue = present && hasValue(item, a.tag());
        AttributeType type = a.type();
        switch (type) {
            case TYPE_1 -> {
                if (!present) {
                    add(a, path, Rule.MISSING_TYPE_1, "type 1 attribute is missing");
                } else if (!hasValue && !isSequence(a)) {
                    add(a, path, Rule.EMPTY_TYPE_1, "type 1 attribute has no value");
                }
            }
            case TYPE_2 -> {
                if (!present) {
                    add(a, path, Rule.MISSING_TYPE_2, "type 2 attribute is missing");
                }
            }
            case TYPE_1C, TYPE_2C -> checkConditional(a, item, path, present, hasValue);
            default -> {
            }
        }
        if (!present) {
            return;
        }
        if (isSequence(a)) {
            checkItemCount(a, item, path);
        } else if (hasValue) {
            checkValues(a, item, path);
        }
    }

    private void checkConditional(ModuleAttribute a, DicomObject item, String path, boolean present,
                                  boolean hasValue) {
        Condition.Result r = a.condition().isEmpty() ? Condition.Result.NOT_EVALUABLE
                : standard.condition(a.condition()).map(c -> c.evaluate(item, root))
                        .orElse(Condition.Result.NOT_EVALUABLE);
        boolean oneC = a.type() == AttributeType.TYPE_1C;
        switch (r) {
            case TRUE -> {
                if (!present) {
                    add(a, path, Rule.MISSING_CONDITIONAL, "type " + a.type().label()
                            + " attribute is missing although its condition " + a.condition() + " holds");
                } else if (oneC && !hasValue && !isSequence(a)) {
                    add(a, path, Rule.EMPTY_TYPE_1C, "type 1C attribute has no value");
                }
            }
            case FALSE -> {
                if (present && !a.mayBePresentOtherwise()) {
                    add(a, path, Rule.PRESENT_WHEN_CONDITION_FALSE, "type " + a.type().label()
                            + " attribute is present although its condition " + a.condition() + " does not hold");
                } else if (present && oneC && !hasValue && !isSequence(a)) {
                    add(a, path, Rule.EMPTY_TYPE_1C, "type 1C attribute is present without a value");
                }
            }
            default -> {
                if (!present) {
                    findings.add(new Finding(Severity.NOT_CHECKED, Rule.CONDITION_NOT_EVALUABLE, module.id(),
                            a.tag(), a.keyword(), path, "type " + a.type().label() + " attribute absent; "
                            + (a.condition().isEmpty() ? "its condition is not machine-evaluable"
                            : "condition " + a.condition() + " cannot be evaluated here")));
                } else if (oneC && !hasValue && !isSequence(a)) {
                    add(a, path, Rule.EMPTY_TYPE_1C, "type 1C attribute is present without a value");
                }
            }
        }
    }

    /**
     * A sequence's items against the count the module gives ("1", "1-n"). Zero items (an empty sequence) are
     * allowed for type 2/2C, and for type 3 only when the module says nothing about the count: PS3.3 tables state
     * "One or more Items shall be included" for most sequences, which holds whenever the sequence is present.
     */
    private void checkItemCount(ModuleAttribute a, DicomObject item, String path) {
        int items = item.items(a.tag()).size();
        String vm = a.vm().isEmpty() ? "1-n" : a.vm();
        boolean emptyAllowed = a.type() == AttributeType.TYPE_2 || a.type() == AttributeType.TYPE_2C
                || (a.type() == AttributeType.TYPE_3 && (a.vm().isEmpty() || ValueRules.vmAllows(a.vm(), 0)));
        if (items == 0 ? !emptyAllowed : !ValueRules.vmAllows(vm, items)) {
            add(a, path, Rule.SEQUENCE_ITEM_COUNT, items + " items where the module allows " + vm);
        }
    }

    private void checkValues(ModuleAttribute a, DicomObject item, String path) {
        List<String> values;
        try {
            values = item.strings(a.tag());
        } catch (InvalidValueException e) {
            return;
        }
        if (!a.vm().isEmpty() && !a.vm().equals(dictionaryVm(a.tag())) && !ValueRules.vmAllows(a.vm(), values.size())) {
            add(a, path, Rule.INVALID_VM, values.size() + " values where the module's VM is " + a.vm());
        }
        if (a.values().isEmpty()) {
            return;
        }
        ValueSet set = a.values().get();
        for (int i = 0; i < values.size(); i++) {
            if (a.valueIndex() >= 0 && a.valueIndex() != i) {
                continue;
            }
            String v = values.get(i).trim();
            if (!set.contains(v)) {
                if (set.enumerated()) {
                    add(a, path, Rule.ENUMERATED_VALUE, "value " + (i + 1) + " '" + ValueCheck.printable(v)
                            + "' is not an enumerated value (" + String.join(", ", set.values()) + ")");
                } else {
                    findings.add(new Finding(Severity.WARNING, Rule.DEFINED_TERM, module.id(), a.tag(), a.keyword(),
                            path, "value " + (i + 1) + " '" + ValueCheck.printable(v) + "' is not a defined term"));
                }
            }
        }
    }

    private void add(ModuleAttribute a, String path, Rule rule, String reason) {
        Severity severity = a.checked() ? Severity.ERROR : Severity.WARNING;
        findings.add(new Finding(severity, rule, module.id(), a.tag(), a.keyword(), path,
                a.checked() ? reason : reason + " (hand-kept row not yet checked against PS3.3)"));
    }

    private static boolean isSequence(ModuleAttribute a) {
        return ElementDictionary.standard().vrOf(a.tag()) == org.kerma.dicom.VR.SQ;
    }

    private static String dictionaryVm(int tag) {
        return ElementDictionary.standard().find(tag).map(DictionaryEntry::vm).orElse("");
    }

    static boolean hasValue(DicomObject item, int tag) {
        Object value = item.findValue(tag).orElse(null);
        if (value instanceof byte[] b) {
            return b.length > 0;
        }
        if (value instanceof Sequence s) {
            return !s.isEmpty();
        }
        return value instanceof Fragments || value instanceof BulkData;
    }
}
