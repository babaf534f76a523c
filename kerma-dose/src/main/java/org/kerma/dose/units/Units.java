package org.kerma.dose.units;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.kerma.dose.Unit;

/**
 * Converts a value from the UCUM unit a report wrote to the canonical {@link Unit} of its quantity, checking that
 * both measure the same kind of quantity: {@code 1.07 dGy.cm2} to Gy·m² gives {@code 1.07e-5}; {@code mGy} to Gy
 * divides by 1000; {@code mGy} where Gy·m² is expected is refused.
 */
public final class Units {
    private static final Map<Unit, UcumUnit> CANONICAL = new EnumMap<>(Unit.class);

    static {
        for (Unit u : Unit.values()) {
            CANONICAL.put(u, UcumUnit.parse(u.ucum()).orElseThrow(
                    () -> new IllegalStateException("canonical unit is not UCUM: " + u.ucum())));
        }
    }

    private Units() {
    }

    /** The outcome of a conversion. */
    public sealed interface Conversion {
        record Converted(double value) implements Conversion {
        }

        /** The code is not a UCUM unit this reader knows. */
        record UnknownUnit(String code) implements Conversion {
        }

        /** The code is a unit of another kind of quantity than {@code target}. */
        record WrongDimension(String code, Unit target) implements Conversion {
        }
    }

    /** Converts {@code value} written in UCUM {@code code} to {@code target}. */
    public static Conversion convert(double value, String code, Unit target) {
        Optional<UcumUnit> from = UcumUnit.parse(code);
        if (from.isEmpty()) {
            return new Conversion.UnknownUnit(code);
        }
        UcumUnit to = CANONICAL.get(target);
        if (!from.get().sameDimension(to)) {
            return new Conversion.WrongDimension(code, target);
        }
        return new Conversion.Converted(scale(value, from.get().factor() / to.factor()));
    }

    /**
     * {@code value × ratio}. When the ratio is a power of ten (the usual case: metric prefixes) the decimal point of
     * the value's shortest decimal form is moved, so that 34300 uA.s gives 34.3 mAs and 1.07 dGy.cm2 gives
     * 1.07e-5 Gy·m², the doubles nearest to those decimals, rather than a product one unit in the last place off.
     */
    static double scale(double value, double ratio) {
        long exponent = Math.round(Math.log10(ratio));
        if (exponent == 0 && ratio == 1) {
            return value;
        }
        if (Double.isFinite(value) && Math.abs(exponent) <= 30
                && Math.abs(ratio / Math.pow(10, exponent) - 1) < 1e-12) {
            return new BigDecimal(Double.toString(value)).scaleByPowerOfTen((int) exponent).doubleValue();
        }
        return value * ratio;
    }
}
