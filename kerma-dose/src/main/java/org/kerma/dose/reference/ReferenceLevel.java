package org.kerma.dose.reference;

/**
 * One reference level of a pack: for the studies {@code match} selects as {@code exam}, the {@code quantity} value
 * a typical study should not exceed, in the quantity's canonical unit.
 *
 * @param note what the source says about how the value applies (per sequence, per exam)
 */
public record ReferenceLevel(String exam, ExamMatch match, DoseQuantity quantity, double value, String note) {
}
