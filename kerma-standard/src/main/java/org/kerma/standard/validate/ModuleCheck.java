package org.kerma.standard.validate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.InvalidValueException;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.VR;
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
    /**
     * One row of a module prepared for checking: its dictionary facts and conditions looked up once per validator,
     * not once per item.
     *
     * @param attribute       the row
     * @param sequence        whether the attribute is a sequence (SQ in the dictionary)
     * @param dictionaryVm    the dictionary's VM, "" when unknown
     * @param condition       the 1C/2C condition, null when none is tabulated
     * @param macroConditions conditions of the invoking macros; null entries stand for conditions not tabulated
     * @param inner           the level of the rows inside the sequence (for recursion, an outer one), or null
     */
    record Step(ModuleAttribute attribute, boolean sequence, String dictionaryVm, Condition condition,
                List<Condition> macroConditions, Level inner) {
    }

    /**
     * The rows at one nesting level of a module (the top level, or inside one sequence), resolved once per plan so
     * that the walk goes from a sequence's row straight to the rows of its items. Filled while the plan is built and
     * never changed after; plans are published through a concurrent map.
     */
    static final class Level {
        /** The rows, in table order. */
        private List<Step> steps = List.of();
        /**
         * For a level whose sequence recurs in its own items without rows of its own (the SR Content Sequence),
         * the sequence's tag and keyword, and the level its nested items are checked against; else -1 and null.
         */
        private int recursionTag = -1;
        private String recursionKeyword;
        private Level recursion;
        /** Shared row selections, for a level whose macro conditions are item-local; else null. */
        private Selector selector;
    }

    /**
     * A module prepared for checking.
     *
     * @param root       the rows at the top level (the others are reached through their sequences' rows)
     * @param overlays   the top-level rows of the repeating overlay groups (tabulated as group 6000), one list per
     *                   group 6000, 6002, ... 601E with the rows' tags in that group; empty when the module has none
     */
    record Plan(Level root, List<List<Step>> overlays) {

        /** Whether an overlay group of {@code dataset} holds an element of this module's overlay rows. */
        boolean overlayPresent(DicomObject dataset) {
            if (!anyOverlayElement(dataset)) {
                return false;
            }
            for (int g = 0; g < overlays.size(); g++) {
                if (overlayGroupPresent(g, dataset)) {
                    return true;
                }
            }
            return false;
        }

        private boolean overlayGroupPresent(int group, DicomObject dataset) {
            for (Step step : overlays.get(group)) {
                if (dataset.contains(step.attribute().tag())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether {@code dataset} has any element in groups 6000-601F (one binary search). */
    static boolean anyOverlayElement(DicomObject dataset) {
        int i = dataset.indexOf(OVERLAY_GROUP << 16);
        int at = i >= 0 ? i : -i - 1;
        return at < dataset.size() && Integer.compareUnsigned(dataset.tagAt(at), (OVERLAY_GROUP + 0x20) << 16) < 0;
    }

    /** The overlay groups (60xx,eeee), xx even from 00 to 1E: PS3.5 Section 7.6. */
    static final int OVERLAY_GROUPS = 16;
    private static final int OVERLAY_GROUP = 0x6000;

    /**
     * For a level whose macro invocation conditions all depend only on elements of the item itself (the SR Content
     * Sequence: Value Type selects the content item macro), the rows that apply, worked out once per distinct set of
     * values of those elements and then shared by every item, and by every object, with the same values; with the
     * results of the 1C/2C conditions that depend on the same elements only.
     *
     * @param tags       the elements the level's item-local conditions read
     * @param selections the rows applying per key (the values of {@code tags}), at most {@link #MAX_SELECTIONS}
     */
    record Selector(int[] tags, Map<String, Selection> selections) {
        static final int MAX_SELECTIONS = 256;
    }

    /**
     * The rows applying to items with one set of values.
     *
     * @param steps        the rows whose invoking macros' conditions hold, in order
     * @param results      for each of {@code steps}, its 1C/2C condition's result when it is item-local, else null
     * @param notEvaluable the first row of each macro whose invocation condition cannot be evaluated
     */
    record Selection(List<Step> steps, List<Condition.Result> results, List<Step> notEvaluable) {
    }

    private static final int MAX_SELECTOR_TAGS = 8;

    /**
     * The results of the conditions evaluated on one item, and the values they decoded, kept so that each condition
     * is evaluated once per item; the tables are made on the first evaluation (most items need none).
     */
    private static final class ItemConditions {
        private Map<Condition, Condition.Result> results;
        private Condition.Values values;

        Condition.Result result(Condition c, DicomObject item, DicomObject root) {
            if (results == null) {
                results = new IdentityHashMap<>();
                values = new Condition.Values();
            }
            Condition.Result r = results.get(c);
            if (r == null) {
                r = c.evaluate(item, root, values);
                results.put(c, r);
            }
            return r;
        }
    }

    /** Prepares a module's rows for checking. */
    static Plan plan(Standard standard, Module module) {
        Map<List<String>, List<ModuleAttribute>> rows = new LinkedHashMap<>();
        for (ModuleAttribute a : module.attributes()) {
            rows.computeIfAbsent(a.parents(), k -> new ArrayList<>()).add(a);
        }
        Map<List<String>, Level> levels = new HashMap<>();
        rows.keySet().forEach(k -> levels.put(k, new Level()));
        Map<List<String>, List<Step>> steps = new LinkedHashMap<>();
        ElementDictionary dictionary = ElementDictionary.standard();
        List<Step> overlayRows = new ArrayList<>();
        rows.forEach((level, list) -> {
            List<Step> out = new ArrayList<>();
            List<Condition> previous = null;
            for (ModuleAttribute a : list) {
                List<Condition> macros = new ArrayList<>();
                for (String c : a.macroConditions()) {
                    macros.add(standard.condition(c).orElse(null));
                }
                if (macros.equals(previous)) {
                    macros = previous;
                }
                previous = macros;
                boolean sequence = dictionary.vrOf(a.tag()) == VR.SQ;
                Step step = new Step(a, sequence, dictionary.find(a.tag()).map(DictionaryEntry::vm).orElse(""),
                        a.condition().isEmpty() ? null : standard.condition(a.condition()).orElse(null),
                        macros, sequence ? levels.get(level(rows, a.path())) : null);
                if (level.isEmpty() && a.tag() >>> 16 == OVERLAY_GROUP) {
                    overlayRows.add(step);
                } else {
                    out.add(step);
                }
            }
            steps.put(level, List.copyOf(out));
            levels.get(level).steps = List.copyOf(out);
        });
        steps.forEach((level, list) -> {
            if (level.isEmpty()) {
                return;
            }
            String keyword = level.get(level.size() - 1);
            int tag = dictionary.tagOf(keyword).orElse(-1);
            if (tag == -1 || list.stream().anyMatch(s -> s.attribute().tag() == tag)) {
                return;
            }
            List<String> nested = new ArrayList<>(level);
            nested.add(keyword);
            List<String> inner = level(steps, nested);
            if (inner != null) {
                Level l = levels.get(level);
                l.recursionTag = tag;
                l.recursionKeyword = keyword;
                l.recursion = levels.get(inner);
            }
        });
        steps.forEach((level, list) -> levels.get(level).selector = selector(list).orElse(null));
        Level root = levels.getOrDefault(List.of(), new Level());
        return new Plan(root, overlays(overlayRows));
    }

    /** The overlay rows once per overlay group, with their tags moved into that group. */
    private static List<List<Step>> overlays(List<Step> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<List<Step>> groups = new ArrayList<>();
        for (int g = 0; g < OVERLAY_GROUPS; g++) {
            int group = (OVERLAY_GROUP + 2 * g) << 16;
            List<Step> steps = new ArrayList<>();
            for (Step s : rows) {
                ModuleAttribute a = s.attribute();
                ModuleAttribute moved = new ModuleAttribute(group | (a.tag() & 0xFFFF), a.keyword(), a.path(),
                        a.type(), a.vm(), a.condition(), a.mayBePresentOtherwise(), a.values(), a.valueIndex(),
                        a.macroConditions(), a.macro(), a.checked());
                steps.add(new Step(moved, s.sequence(), s.dictionaryVm(), s.condition(), s.macroConditions(),
                        s.inner()));
            }
            groups.add(List.copyOf(steps));
        }
        return List.copyOf(groups);
    }

    /** A selector for a level with invoked macros whose conditions are all item-local; empty otherwise. */
    private static Optional<Selector> selector(List<Step> steps) {
        Set<Integer> tags = new TreeSet<>();
        boolean macros = false;
        for (Step step : steps) {
            for (Condition c : step.macroConditions()) {
                macros = true;
                Optional<Set<Integer>> local = c == null ? Optional.empty() : c.itemTags();
                if (local.isEmpty()) {
                    return Optional.empty();
                }
                tags.addAll(local.get());
            }
        }
        if (!macros || tags.size() > MAX_SELECTOR_TAGS) {
            return Optional.empty();
        }
        return Optional.of(new Selector(tags.stream().mapToInt(Integer::intValue).toArray(),
                new ConcurrentHashMap<>()));
    }

    /**
     * The rows that apply inside a sequence at {@code path}: its own level, or for a recursive structure (the SR
     * Content Sequence, whose macro invokes itself and is tabulated one level deep) the level of the outermost
     * sequence of the same keyword. Null when the module tabulates nothing inside.
     */
    private static List<String> level(Map<List<String>, ?> levels, List<String> path) {
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

    private final Module module;
    private final Plan plan;
    private final DicomObject root;
    private final List<Finding> findings;

    ModuleCheck(Module module, Plan plan, DicomObject root, List<Finding> findings) {
        this.module = module;
        this.plan = plan;
        this.root = root;
        this.findings = findings;
    }

    void run() {
        check(root, plan.root(), ItemPath.ROOT);
        if (!plan.overlays().isEmpty()) {
            checkOverlays();
        }
    }

    /**
     * The rows of the repeating overlay groups, in each group that holds an element of them (PS3.3 C.9.2: each
     * overlay plane is one group 60xx, checked on its own).
     */
    private void checkOverlays() {
        if (!anyOverlayElement(root)) {
            return;
        }
        ItemConditions evaluated = new ItemConditions();
        for (int g = 0; g < plan.overlays().size(); g++) {
            if (plan.overlayGroupPresent(g, root)) {
                for (Step step : plan.overlays().get(g)) {
                    checkStep(step, null, root, ItemPath.ROOT, evaluated);
                }
            }
        }
    }

    private void check(DicomObject item, Level level, ItemPath path) {
        List<Step> steps = level.steps;
        if (level.recursion != null) {
            recurse(item, level, path);
        }
        ItemConditions evaluated = new ItemConditions();
        Selector selector = level.selector;
        if (selector != null) {
            checkSelected(item, select(selector, item, steps), path, evaluated);
            return;
        }
        List<Condition> skipped = null;
        for (Step step : steps) {
            if (step.macroConditions() == skipped) {
                continue;
            }
            Condition.Result applies = macroApplies(step, item, evaluated);
            if (applies != Condition.Result.TRUE) {
                skipped = step.macroConditions();
                if (applies == Condition.Result.NOT_EVALUABLE) {
                    macroNotEvaluable(step, path);
                }
                continue;
            }
            checkStep(step, null, item, path, evaluated);
        }
    }

    private void checkStep(Step step, Condition.Result known, DicomObject item, ItemPath path,
                           ItemConditions evaluated) {
        ModuleAttribute a = step.attribute();
        checkAttribute(step, known, item, path, evaluated);
        if (step.inner() != null && item.findValue(a.tag()).orElse(null) instanceof Sequence sequence) {
            for (int n = 0; n < sequence.size(); n++) {
                check(sequence.item(n), step.inner(), path.item(a.keyword(), n));
            }
        }
    }

    private void checkSelected(DicomObject item, Selection selection, ItemPath path,
                               ItemConditions evaluated) {
        for (Step step : selection.notEvaluable()) {
            macroNotEvaluable(step, path);
        }
        List<Step> steps = selection.steps();
        for (int i = 0; i < steps.size(); i++) {
            checkStep(steps.get(i), selection.results().get(i), item, path, evaluated);
        }
    }

    /**
     * The rows applying to {@code item}, from the selector's cache or worked out on {@code item} and cached. The key
     * is the raw bytes of the selecting elements when they are ASCII (equal bytes give equal values under any
     * character set; values equal after decoding but padded differently only take another entry), else their
     * decoded values.
     */
    private Selection select(Selector selector, DicomObject item, List<Step> steps) {
        StringBuilder key = new StringBuilder();
        for (int tag : selector.tags()) {
            Object value = item.findValue(tag).orElse(null);
            if (value == null) {
                key.append("\u0000-");
            } else if (value instanceof Sequence s) {
                key.append("\u0000S").append(s.size());
            } else if (value instanceof byte[] raw && ascii(raw)) {
                key.append("\u0000=").append(new String(raw, StandardCharsets.ISO_8859_1));
            } else if (value instanceof byte[]) {
                try {
                    key.append("\u0000#").append(String.join("\\", item.strings(tag)));
                } catch (InvalidValueException e) {
                    key.append("\u0000!");
                }
            } else {
                key.append("\u0000?").append(value);
            }
        }
        String k = key.toString();
        Selection cached = selector.selections().get(k);
        if (cached != null) {
            return cached;
        }
        Selection built = selection(selector, item, steps);
        if (selector.selections().size() < Selector.MAX_SELECTIONS) {
            selector.selections().putIfAbsent(k, built);
        }
        return built;
    }

    /** Bytes that read the same under every character set (no ESC, nothing above 0x7F). */
    private static boolean ascii(byte[] raw) {
        for (byte b : raw) {
            if (b < 0 || b == 0x1B) {
                return false;
            }
        }
        return true;
    }

    private Selection selection(Selector selector, DicomObject item, List<Step> steps) {
        ItemConditions evaluated = new ItemConditions();
        Set<Integer> tags = new HashSet<>();
        for (int t : selector.tags()) {
            tags.add(t);
        }
        List<Step> applying = new ArrayList<>();
        List<Condition.Result> results = new ArrayList<>();
        List<Step> notEvaluable = new ArrayList<>();
        List<Condition> skipped = null;
        for (Step step : steps) {
            if (step.macroConditions() == skipped) {
                continue;
            }
            Condition.Result applies = macroApplies(step, item, evaluated);
            if (applies != Condition.Result.TRUE) {
                skipped = step.macroConditions();
                if (applies == Condition.Result.NOT_EVALUABLE) {
                    notEvaluable.add(step);
                }
                continue;
            }
            applying.add(step);
            Condition c = step.condition();
            boolean local = c != null && c.itemTags().map(tags::containsAll).orElse(false);
            results.add(local ? evaluated.result(c, item, root) : null);
        }
        return new Selection(List.copyOf(applying), Collections.unmodifiableList(results),
                List.copyOf(notEvaluable));
    }

    private void macroNotEvaluable(Step step, ItemPath path) {
        ModuleAttribute a = step.attribute();
        findings.add(new Finding(Severity.NOT_CHECKED, Rule.CONDITION_NOT_EVALUABLE, module.id(), -1, "",
                path.toString(), "attributes of " + a.macro() + " not checked: the condition of its"
                + " invocation (" + String.join(" and ", a.macroConditions()) + ") cannot be evaluated"));
    }

    /**
     * A sequence of the same keyword nested in its own item (the SR Content Sequence) whose level the tables do not
     * list again: its items are checked against the outermost level of that keyword.
     */
    private void recurse(DicomObject item, Level level, ItemPath path) {
        if (item.findValue(level.recursionTag).orElse(null) instanceof Sequence sequence) {
            for (int n = 0; n < sequence.size(); n++) {
                check(sequence.item(n), level.recursion, path.item(level.recursionKeyword, n));
            }
        }
    }

    /** TRUE when every invoking macro's condition holds, FALSE when one does not, else NOT_EVALUABLE. */
    private Condition.Result macroApplies(Step step, DicomObject item, ItemConditions evaluated) {
        Condition.Result all = Condition.Result.TRUE;
        for (Condition c : step.macroConditions()) {
            Condition.Result r = c == null ? Condition.Result.NOT_EVALUABLE
                    : evaluated.result(c, item, root);
            if (r == Condition.Result.FALSE) {
                return r;
            }
            if (r == Condition.Result.NOT_EVALUABLE) {
                all = r;
            }
        }
        return all;
    }


    private void checkAttribute(Step step, Condition.Result known, DicomObject item, ItemPath path,
                                ItemConditions evaluated) {
        ModuleAttribute a = step.attribute();
        int index = item.indexOf(a.tag());
        boolean present = index >= 0;
        boolean hasValue = present && hasValue(item.valueAt(index), item.vrAt(index));
        AttributeType type = a.type();
        switch (type) {
            case TYPE_1 -> {
                if (!present) {
                    add(a, path, Rule.MISSING_TYPE_1, "type 1 attribute is missing");
                } else if (!hasValue) {
                    add(a, path, Rule.EMPTY_TYPE_1, step.sequence() ? "type 1 sequence has no items"
                            : "type 1 attribute has no value");
                }
            }
            case TYPE_2 -> {
                if (!present) {
                    add(a, path, Rule.MISSING_TYPE_2, "type 2 attribute is missing");
                }
            }
            case TYPE_1C, TYPE_2C -> checkConditional(step, known, item, path, present, hasValue, evaluated);
            default -> {
            }
        }
        if (!present) {
            return;
        }
        if (step.sequence()) {
            checkItemCount(a, item, path);
        } else if (hasValue && (a.values().isPresent() || !a.vm().isEmpty() && !a.vm().equals(step.dictionaryVm()))) {
            checkValues(step, item.valueAt(index), item.vrAt(index), item, path);
        }
    }

    private void checkConditional(Step step, Condition.Result known, DicomObject item, ItemPath path, boolean present,
                                  boolean hasValue, ItemConditions evaluated) {
        ModuleAttribute a = step.attribute();
        Condition.Result r = known != null ? known : step.condition() == null ? Condition.Result.NOT_EVALUABLE
                : evaluated.result(step.condition(), item, root);
        boolean oneC = a.type() == AttributeType.TYPE_1C;
        switch (r) {
            case TRUE -> {
                if (!present) {
                    add(a, path, Rule.MISSING_CONDITIONAL, "type " + a.type().label()
                            + " attribute is missing although its condition " + a.condition() + " holds");
                } else if (oneC && !hasValue) {
                    add(a, path, Rule.EMPTY_TYPE_1C, "type 1C attribute has no value");
                }
            }
            case FALSE -> {
                if (present && !a.mayBePresentOtherwise()) {
                    add(a, path, Rule.PRESENT_WHEN_CONDITION_FALSE, "type " + a.type().label()
                            + " attribute is present although its condition " + a.condition() + " does not hold");
                } else if (present && oneC && !hasValue) {
                    add(a, path, Rule.EMPTY_TYPE_1C, "type 1C attribute is present without a value");
                }
            }
            default -> {
                if (!present) {
                    findings.add(new Finding(Severity.NOT_CHECKED, Rule.CONDITION_NOT_EVALUABLE, module.id(),
                            a.tag(), a.keyword(), path.toString(), "type " + a.type().label() + " attribute absent; "
                            + (a.condition().isEmpty() ? "its condition is not machine-evaluable"
                            : "condition " + a.condition() + " cannot be evaluated here")));
                } else if (oneC && !hasValue) {
                    add(a, path, Rule.EMPTY_TYPE_1C, "type 1C attribute is present without a value");
                }
            }
        }
    }

    /**
     * A sequence's items against the count the module gives ("1", "1-n"). An empty sequence of type 1/1C is
     * reported by the type checks (no value); of type 2/2C it is allowed; of type 3 it is an error when the module
     * gives a count that excludes zero: PS3.3 tables state "One or more Items shall be included" for most sequences,
     * which holds whenever the sequence is present.
     */
    private void checkItemCount(ModuleAttribute a, DicomObject item, ItemPath path) {
        int items = item.items(a.tag()).size();
        String vm = a.vm().isEmpty() ? "1-n" : a.vm();
        boolean zeroLeftToTypeChecks = a.type() != AttributeType.TYPE_3 || a.vm().isEmpty()
                || ValueRules.vmAllows(a.vm(), 0);
        if (items == 0 ? !zeroLeftToTypeChecks : !ValueRules.vmAllows(vm, items)) {
            add(a, path, Rule.SEQUENCE_ITEM_COUNT, items + " items where the module allows " + vm);
        }
    }

    /** The module's VM and value set, for an attribute that has either; {@code value} and {@code vr} are its own. */
    private void checkValues(Step step, Object value, VR vr, DicomObject item, ItemPath path) {
        ModuleAttribute a = step.attribute();
        List<String> values = value instanceof byte[] raw ? RawValueCheck.asciiValues(vr, raw) : null;
        if (values == null) {
            try {
                values = item.strings(a.tag());
            } catch (InvalidValueException e) {
                return;
            }
        }
        if (!a.vm().isEmpty() && !a.vm().equals(step.dictionaryVm()) && !ValueRules.vmAllows(a.vm(), values.size())) {
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
                            path.toString(), "value " + (i + 1) + " '" + ValueCheck.printable(v) + "' is not a defined term"));
                }
            }
        }
    }

    private void add(ModuleAttribute a, ItemPath path, Rule rule, String reason) {
        Severity severity = a.checked() ? Severity.ERROR : Severity.WARNING;
        findings.add(new Finding(severity, rule, module.id(), a.tag(), a.keyword(), path.toString(),
                a.checked() ? reason : reason + " (hand-kept row not yet checked against PS3.3)"));
    }

    /** Only spaces and NULs: a string value that is all padding is empty (PS3.5 Section 6.2). */
    private static boolean padding(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != 0) {
                return false;
            }
        }
        return true;
    }

    /** Present with a value: bytes other than padding, items, or encapsulated or bulk data. */
    static boolean hasValue(Object value, VR vr) {
        if (value instanceof byte[] b) {
            return b.length > 0 && (!vr.isString() || !padding(b));
        }
        if (value instanceof Sequence s) {
            return !s.isEmpty();
        }
        return value instanceof Fragments || value instanceof BulkData;
    }
}
