package org.kerma.dose;

import java.util.Objects;

/**
 * A measured value in its canonical {@link Unit}, with the value and unit code as the report wrote them.
 *
 * @param value         the value in {@code unit}
 * @param unit          the canonical unit of this kind of quantity
 * @param originalValue the value as written (Numeric Value, after any vendor repair of its text)
 * @param originalUnit  the unit code as written (Code Value of Measurement Units Code Sequence), before any vendor
 *                      repair
 */
public record Quantity(double value, Unit unit, double originalValue, String originalUnit) {
    public Quantity {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(originalUnit, "originalUnit");
    }

    /** A quantity written in its canonical unit. */
    public static Quantity of(double value, Unit unit) {
        return new Quantity(value, unit, value, unit.ucum());
    }

    /** "415.82 mGy·cm", with the original in brackets when it differs: "0.0107 Gy·m² (1.07 dGy.cm2)". */
    @Override
    public String toString() {
        String text = unit == Unit.ONE ? format(value) : format(value) + " " + unit.symbol();
        if (!originalUnit.equals(unit.ucum()) || originalValue != value) {
            text += " (" + format(originalValue) + " " + originalUnit + ")";
        }
        return text;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
