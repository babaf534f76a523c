package org.kerma.dose.reference;

import org.kerma.dose.units.Units;
import org.kerma.dose.units.Units.Conversion;

/** Converts the values written in packs and rules (and given over the API) to the canonical unit of their quantity. */
public final class Quantities {
    private Quantities() {
    }

    /**
     * {@code value} written in UCUM {@code unit} ({@code Gy.cm2}, {@code mGy}, {@code min}) in the canonical unit of
     * {@code quantity}.
     *
     * @throws IllegalArgumentException naming the unit when it is unknown or of another kind than the quantity
     */
    public static double canonical(double value, String unit, DoseQuantity quantity) {
        Conversion c = Units.convert(value, unit, quantity.unit());
        if (c instanceof Conversion.Converted converted) {
            return converted.value();
        }
        if (c instanceof Conversion.WrongDimension) {
            throw new IllegalArgumentException("unit '" + unit + "' is not a unit of " + quantity + " ("
                    + quantity.unit().symbol() + ")");
        }
        throw new IllegalArgumentException("unknown unit '" + unit + "' (a UCUM code such as "
                + quantity.unit().ucum() + " is expected)");
    }
}
