package org.kerma.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * One item of the Instruction Sequence (0018,9914) (PS3.3 section C.34.7).
 *
 * @param index       Instruction Index (0018,9915)
 * @param text        Instruction Text (0018,9916)
 * @param description Instruction Description (0018,9917); "" when absent
 * @param performed   Instruction Performed Flag (0018,9918) of a performed protocol; empty when absent
 */
public record Instruction(int index, String text, String description, Optional<Boolean> performed) {
    public Instruction {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(performed, "performed");
    }
}
