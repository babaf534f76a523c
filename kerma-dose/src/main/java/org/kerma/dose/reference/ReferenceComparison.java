package org.kerma.dose.reference;

/**
 * A study's value compared with one reference level: {@code ratio} = value / level, {@code exceeded} when the value
 * is above the level.
 */
public record ReferenceComparison(ReferencePack pack, ReferenceLevel level, double value, double ratio,
                                  boolean exceeded) {
}
