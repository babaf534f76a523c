package org.kerma.standard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.InvalidValueException;

/**
 * A machine-evaluable condition of a conditional module (usage C) or attribute (type 1C/2C), tabulated from
 * dicom3tools' condition language: terms such as "element present", "value equals", "numeric value compares",
 * combined left to right by And/Or, each optionally negated, with parenthesised groups.
 *
 * <p>Only tests that look at the data set being checked (or its top level) are evaluated; a condition with any
 * other test (one that looks at other items of the tree, or at real-world facts) is {@link Result#NOT_EVALUABLE}
 * when that test decides the outcome. Evaluation uses three-valued logic, so such a term only makes the whole
 * condition unknown where it matters. Immutable and thread-safe.
 */
public final class Condition {
    /** The outcome of evaluating a condition. */
    public enum Result {
        TRUE, FALSE, NOT_EVALUABLE;

        static Result of(boolean b) {
            return b ? TRUE : FALSE;
        }

        Result not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : NOT_EVALUABLE;
        }

        Result and(Result o) {
            if (this == FALSE || o == FALSE) {
                return FALSE;
            }
            return this == TRUE && o == TRUE ? TRUE : NOT_EVALUABLE;
        }

        Result or(Result o) {
            if (this == TRUE || o == TRUE) {
                return TRUE;
            }
            return this == FALSE && o == FALSE ? FALSE : NOT_EVALUABLE;
        }
    }

    /** One term or group of a condition, as tabulated. */
    record Term(boolean and, boolean not, int tag, String test, String argument, String selector,
                List<Term> group, int sequence) {
    }

    private final String name;
    private final List<Term> terms;

    Condition(String name, List<Term> terms) {
        this.name = name;
        this.terms = List.copyOf(terms);
    }

    /** A condition that always has the given result (the sources' "Always" and "Never"). */
    static Condition constant(String name, boolean value) {
        return new Condition(name, List.of(new Term(false, !value, 0, "Always", "", "", List.of(), 0)));
    }

    /** The condition's name in the tables, e.g. {@code NumberOfWedgesNotZero}. */
    public String name() {
        return name;
    }

    private static final Set<String> ITEM_TESTS = Set.of("Always", "ElementPresent", "ValuePresent", "StringValue",
            "StringConstant", "BinaryValue", "SequenceHasItems", "SequenceHasOneItem", "SequenceHasTwoItems",
            "SequenceHasMultipleItems");

    /**
     * The tags of the item under test that this condition reads, when its result depends on nothing else: on the
     * presence, values or item counts of these elements of that item only, not on the top-level data set nor on
     * nested items. Empty when the condition looks further. Two items with equal elements at these tags give the
     * same result, which lets a validator evaluate the condition once per distinct set of values.
     */
    public Optional<Set<Integer>> itemTags() {
        Set<Integer> tags = new HashSet<>();
        return collectItemTags(terms, tags) ? Optional.of(Set.copyOf(tags)) : Optional.empty();
    }

    private static boolean collectItemTags(List<Term> terms, Set<Integer> tags) {
        for (Term t : terms) {
            if (!t.group().isEmpty()) {
                if (!collectItemTags(t.group(), tags)) {
                    return false;
                }
            } else if (ITEM_TESTS.contains(t.test())) {
                if (!t.test().equals("Always")) {
                    tags.add(t.tag());
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * Evaluates the condition.
     *
     * @param item the data set or sequence item the conditional attribute or module belongs to
     * @param root the top-level data set of the object
     */
    public Result evaluate(DicomObject item, DicomObject root) {
        return evaluate(terms, item, root, new Values());
    }

    /**
     * Evaluates the condition, taking decoded values from {@code values}, which several conditions on the same item
     * may share (a new {@link Values} for each item).
     */
    public Result evaluate(DicomObject item, DicomObject root, Values values) {
        return evaluate(terms, item, root, values);
    }

    /**
     * Left to right; a term that cannot change the result (And after FALSE, Or after TRUE) is not evaluated, which
     * keeps long alternatives (a value against seventy defined terms) cheap.
     */
    private static Result evaluate(List<Term> terms, DicomObject item, DicomObject root, Values values) {
        Result result = null;
        for (Term t : terms) {
            if (result != null && (t.and() ? result == Result.FALSE : result == Result.TRUE)) {
                continue;
            }
            Result r = t.group().isEmpty() ? test(t, item, root, values) : evaluate(t.group(), item, root, values);
            if (t.not()) {
                r = r.not();
            }
            result = result == null ? r : t.and() ? result.and(r) : result.or(r);
        }
        return result == null ? Result.NOT_EVALUABLE : result;
    }

    /**
     * Decoded string values of the elements conditions test, kept so that each element of an item (and of the top
     * level) is decoded once however many conditions look at it. Use one per item; not thread-safe.
     */
    public static final class Values {
        private final java.util.IdentityHashMap<DicomObject, java.util.HashMap<Integer, List<String>>> decoded =
                new java.util.IdentityHashMap<>(4);

        List<String> of(DicomObject d, int t) {
            return decoded.computeIfAbsent(d, k -> new java.util.HashMap<>()).computeIfAbsent(t, d::strings);
        }
    }

    private static Result test(Term t, DicomObject item, DicomObject root, Values values) {
        try {
            return switch (t.test()) {
                case "Always" -> Result.TRUE;
                case "ElementPresent" -> Result.of(item.contains(t.tag()));
                case "ElementPresentInRoot" -> Result.of(root.contains(t.tag()));
                case "ValuePresent" -> Result.of(item.findValue(t.tag()).isPresent()
                        && !item.strings(t.tag()).isEmpty());
                case "StringValue", "StringConstant" -> stringValue(values.of(item, t.tag()), t);
                case "StringValueFromRootAttribute", "StringConstantFromRootAttribute" ->
                        stringValue(values.of(root, t.tag()), t);
                case "BinaryValue" -> binaryValue(item, t);
                case "BinaryValueFromRootAttribute" -> binaryValue(root, t);
                case "ElementPresentWithin" -> Result.of(item.items(t.sequence()).stream()
                        .anyMatch(i -> i.contains(t.tag())));
                case "ElementPresentWithin+StringValue" -> {
                    String value = t.argument().substring(t.argument().indexOf('\\') + 1);
                    yield Result.of(item.items(t.sequence()).stream()
                            .anyMatch(i -> i.strings(t.tag()).stream().anyMatch(v -> v.trim().equals(value))));
                }
                case "ElementPresentInPathFromRoot" -> Result.of(root.items(t.sequence()).stream()
                        .anyMatch(i -> i.contains(t.tag())));
                case "ElementPresentInPathFromRootFirstItem" -> Result.of(!root.items(t.sequence()).isEmpty()
                        && root.items(t.sequence()).get(0).contains(t.tag()));
                case "SequencePresentInPathFromRootHasItems" -> Result.of(root.items(t.sequence()).stream()
                        .anyMatch(i -> !i.items(t.tag()).isEmpty()));
                case "SequencePresentInPathFromRootFirstItemHasItems" -> Result.of(!root.items(t.sequence()).isEmpty()
                        && !root.items(t.sequence()).get(0).items(t.tag()).isEmpty());
                case "SequenceHasItems" -> Result.of(item.items(t.tag()).size() > 0);
                case "SequenceHasOneItem" -> Result.of(item.items(t.tag()).size() == 1);
                case "SequenceHasTwoItems" -> Result.of(item.items(t.tag()).size() == 2);
                case "SequenceHasMultipleItems" -> Result.of(item.items(t.tag()).size() > 1);
                default -> Result.NOT_EVALUABLE;
            };
        } catch (InvalidValueException e) {
            return Result.NOT_EVALUABLE;
        }
    }

    private static Result stringValue(List<String> values, Term t) {
        if (t.selector().equals("*")) {
            return Result.of(values.stream().anyMatch(v -> v.trim().equals(t.argument())));
        }
        int index = t.selector().isEmpty() ? 0 : Integer.parseInt(t.selector());
        return Result.of(index < values.size() && values.get(index).trim().equals(t.argument()));
    }

    private static Result binaryValue(DicomObject data, Term t) {
        String[] parts = t.argument().trim().split("\\s+", 2);
        if (parts.length != 2) {
            return Result.NOT_EVALUABLE;
        }
        OptionalDouble value = numberAt(data, t.tag(), t.selector().isEmpty() || t.selector().equals("*")
                ? 0 : Integer.parseInt(t.selector()));
        if (value.isEmpty()) {
            return Result.FALSE;
        }
        double v = value.getAsDouble();
        double n = Long.decode(parts[1]);
        return switch (parts[0]) {
            case "==" -> Result.of(v == n);
            case "!=" -> Result.of(v != n);
            case ">" -> Result.of(v > n);
            case ">=" -> Result.of(v >= n);
            case "<" -> Result.of(v < n);
            case "<=" -> Result.of(v <= n);
            default -> Result.NOT_EVALUABLE;
        };
    }

    private static OptionalDouble numberAt(DicomObject data, int tag, int index) {
        if (!data.contains(tag)) {
            return OptionalDouble.empty();
        }
        double[] values = data.doubles(tag);
        return index < values.length ? OptionalDouble.of(values[index]) : OptionalDouble.empty();
    }

    /** Builds conditions from the rows of {@code conditions.tsv}, resolving keywords through the dictionary. */
    static final class Builder {
        private final String name;
        private final List<List<Term>> open = new ArrayList<>();

        Builder(String name) {
            this.name = name;
            open.add(new ArrayList<>());
        }

        void row(String kind, String operator, String modifier, String element, String test, String argument,
                 String selector) {
            boolean and = operator.equalsIgnoreCase("And");
            boolean not = modifier.toLowerCase(Locale.ROOT).equals("not");
            switch (kind) {
                case "open" -> open.add(new ArrayList<>());
                case "close" -> {
                    List<Term> group = open.remove(open.size() - 1);
                    open.get(open.size() - 1).add(new Term(and, not, 0, "", "", "", group, 0));
                }
                default -> {
                    OptionalInt tag = element.isEmpty() ? OptionalInt.empty()
                            : ElementDictionary.standard().tagOf(element);
                    String t = tag.isPresent() ? test : "UnknownElement";
                    int sequence = 0;
                    if (t.startsWith("ElementPresentWithin") || t.contains("InPathFromRoot")) {
                        OptionalInt s = ElementDictionary.standard().tagOf(argument.split("\\\\")[0]);
                        t = s.isPresent() ? t : "UnknownElement";
                        sequence = s.orElse(0);
                    }
                    open.get(open.size() - 1).add(new Term(and, not, tag.orElse(0), t, argument, selector, List.of(),
                            sequence));
                }
            }
        }

        Condition build() {
            if (open.size() != 1) {
                throw new IllegalStateException("condition " + name + ": unbalanced groups in conditions.tsv");
            }
            return new Condition(name, open.get(0));
        }
    }
}
