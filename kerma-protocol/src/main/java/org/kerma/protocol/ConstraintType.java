package org.kerma.protocol;

import java.util.Optional;

/**
 * Constraint Type (0082,0032): how the Constraint Value Sequence (0082,0034) limits the selected attribute
 * (PS3.3 section 10.25.1, Attribute Value Constraint Macro). Closed: these are the standard's Enumerated Values.
 *
 * <p>The standard has no NOT_EQUAL; a single forbidden value is NOT_MEMBER_OF with one item.
 */
public enum ConstraintType {
    /** Between the two values, both included. */
    RANGE_INCL(2, 2),
    /** Between the two values, both excluded. */
    RANGE_EXCL(2, 2),
    GREATER_OR_EQUAL(1, 1),
    LESS_OR_EQUAL(1, 1),
    GREATER_THAN(1, 1),
    LESS_THAN(1, 1),
    /** Equal to the one value (all its values, in order, for a multi-valued selection). */
    EQUAL(1, 1),
    /** Equal to one of the values. */
    MEMBER_OF(1, Integer.MAX_VALUE),
    /** Equal to none of the values. */
    NOT_MEMBER_OF(1, Integer.MAX_VALUE),
    /** A code of the context group whose identifier is the one value. */
    MEMBER_OF_CID(1, 1),
    /** Any value; no Constraint Value Sequence. */
    UNCONSTRAINED(0, 0);

    private final int minValues;
    private final int maxValues;

    ConstraintType(int minValues, int maxValues) {
        this.minValues = minValues;
        this.maxValues = maxValues;
    }

    /** Fewest items the Constraint Value Sequence must hold for this type. */
    public int minValues() {
        return minValues;
    }

    /** Most items the Constraint Value Sequence may hold for this type. */
    public int maxValues() {
        return maxValues;
    }

    /** True for the types that order values (ranges and the four comparisons). */
    public boolean ordering() {
        return switch (this) {
            case RANGE_INCL, RANGE_EXCL, GREATER_OR_EQUAL, LESS_OR_EQUAL, GREATER_THAN, LESS_THAN -> true;
            default -> false;
        };
    }

    /** The constant for a Defined Term as found in a data set (trimmed); empty when the text is not one. */
    public static Optional<ConstraintType> of(String text) {
        for (ConstraintType t : values()) {
            if (t.name().equals(text.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
