package org.kerma.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of one constraint of a defined protocol checked against one performed protocol or image.
 *
 * @param subject       SOP Instance UID of what was checked (a performed protocol or an image)
 * @param scope         "patient" for the patient specification, else the element's label, e.g.
 *                      "acquisition 3 ROTATIONAL SUB"
 * @param kind          the element kind; empty for the patient specification
 * @param elementNumber the element number; 0 for the patient specification
 * @param constraint    the constraint
 * @param outcome       pass, fail or not evaluable
 * @param actual        the values found (one entry per selected item); empty when nothing was found
 * @param detail        why: the comparison made, or why none could be made
 */
public record ConstraintResult(String subject, String scope, Optional<ElementKind> kind, int elementNumber,
                               AttributeValueConstraint constraint, Outcome outcome, List<AttributeValue> actual,
                               String detail) {

    /** The three outcomes of a check. */
    public enum Outcome {
        /** Every selected value satisfies the constraint. */
        PASS,
        /** At least one selected value violates it; {@link #actual} and {@link AttributeValueConstraint#allowed} say
         * how. */
        FAIL,
        /** No comparison was possible; {@link #detail} says why. */
        NOT_EVALUABLE
    }

    public ConstraintResult {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(outcome, "outcome");
        actual = List.copyOf(actual);
        Objects.requireNonNull(detail, "detail");
    }

    /** The actual values as text, items separated by " | "; "-" when none. */
    public String actualText() {
        return actual.isEmpty() ? "-" : actual.stream().map(AttributeValue::toString)
                .collect(Collectors.joining(" | "));
    }
}
