package org.kerma.protocol;

import java.util.List;
import java.util.Objects;

/**
 * What a lenient reader made of a data set: the value, and every finding recorded on the way.
 *
 * @param value    what was read; never null, possibly with parts missing where the input was bad
 * @param findings problems found, in the order met
 * @param <T>      the kind of value
 */
public record Reading<T>(T value, List<ProtocolFinding> findings) {

    public Reading {
        Objects.requireNonNull(value, "value");
        findings = List.copyOf(findings);
    }

    /** True when nothing was found wrong. */
    public boolean clean() {
        return findings.isEmpty();
    }
}
