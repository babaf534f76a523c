package org.kerma.standard;

import java.util.List;

/**
 * The values a module allows for an attribute: enumerated values (only these are valid) or defined terms (these,
 * or others the standard may add), per PS3.5 Section 6.4. Binary enumerated values are written as in the standard
 * ({@code 0x0001}).
 *
 * @param name       the set's name in the source tables
 * @param enumerated true for enumerated values, false for defined terms
 * @param binary     true when the values are numbers of a binary VR
 * @param values     the values; immutable
 */
public record ValueSet(String name, boolean enumerated, boolean binary, List<String> values) {
    public ValueSet {
        values = List.copyOf(values);
    }

    /**
     * True when {@code value} is one of the set's values; binary values compare numerically, a negative value also
     * as its unsigned 16 or 32 bit pattern (SS -1 matches 0xFFFF).
     */
    public boolean contains(String value) {
        if (!binary) {
            return values.contains(value);
        }
        try {
            long v = Long.decode(value.trim());
            for (String allowed : values) {
                long a = Long.decode(allowed);
                if (a == v || a == (v & 0xFFFF) || a == (v & 0xFFFFFFFFL)) {
                    return true;
                }
            }
            return false;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
