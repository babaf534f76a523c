package org.kerma.dose.units;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A UCUM unit code (The Unified Code for Units of Measure, as PS3.16 CID 82 and the dose templates use it) read into
 * a dimension and a factor to the coherent base: e.g. {@code dGy.cm2} is Gy¹·m² × 10⁻⁵. Covers the atoms dose
 * reports use (Gy, Sv, Bq, Ci, m, l, g, mol, s, min, h, d, a, A, V, Hz, deg, rad, %), the metric prefixes,
 * integer exponents, {@code .} and {@code /}, and curly-brace annotations (which are dimensionless, as UCUM says).
 * Anything else is not a unit this reader knows, and {@link #parse} says so with an empty result.
 *
 * @param code       the code as given
 * @param dimensions exponent per base dimension, in the order of {@link #BASES}
 * @param factor     the factor to the coherent base unit of that dimension
 */
public record UcumUnit(String code, int[] dimensions, double factor) {
    /** Base dimensions: absorbed and equivalent dose, activity, length, mass, amount, time, current, voltage, angle. */
    static final String[] BASES = {"Gy", "Sv", "Bq", "m", "g", "mol", "s", "A", "V", "deg"};

    private record Atom(int base, int exponent, double factor) {
    }

    private static final Map<String, Atom> ATOMS = Map.ofEntries(
            Map.entry("Gy", new Atom(0, 1, 1)), Map.entry("Sv", new Atom(1, 1, 1)),
            Map.entry("Bq", new Atom(2, 1, 1)), Map.entry("Ci", new Atom(2, 1, 3.7e10)),
            Map.entry("m", new Atom(3, 1, 1)), Map.entry("l", new Atom(3, 3, 1e-3)),
            Map.entry("L", new Atom(3, 3, 1e-3)), Map.entry("g", new Atom(4, 1, 1)),
            Map.entry("mol", new Atom(5, 1, 1)), Map.entry("s", new Atom(6, 1, 1)),
            Map.entry("min", new Atom(6, 1, 60)), Map.entry("h", new Atom(6, 1, 3600)),
            Map.entry("d", new Atom(6, 1, 86400)), Map.entry("a", new Atom(6, 1, 31_557_600)),
            Map.entry("Hz", new Atom(6, -1, 1)), Map.entry("A", new Atom(7, 1, 1)),
            Map.entry("V", new Atom(8, 1, 1)), Map.entry("deg", new Atom(9, 1, 1)),
            Map.entry("rad", new Atom(9, 1, 180 / Math.PI)));
    private static final Map<Character, Double> PREFIXES = Map.ofEntries(
            Map.entry('G', 1e9), Map.entry('M', 1e6), Map.entry('k', 1e3), Map.entry('h', 1e2),
            Map.entry('d', 1e-1), Map.entry('c', 1e-2), Map.entry('m', 1e-3), Map.entry('u', 1e-6),
            Map.entry('n', 1e-9), Map.entry('p', 1e-12));
    /**
     * Codes already read, so that a report's thousands of NUM items parse each unit once; bounded, so that a hostile
     * stream of distinct codes cannot grow it without limit (past the limit, codes are parsed every time).
     */
    private static final Map<String, Optional<UcumUnit>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 1024;
    /** Atoms that take no prefix in UCUM (non-metric). */
    private static final java.util.Set<String> NON_METRIC = java.util.Set.of("min", "h", "d", "a", "deg");

    /**
     * Reads a UCUM code; empty when it is not one this reader knows (including non-UCUM text such as "Gym2").
     */
    public static Optional<UcumUnit> parse(String code) {
        if (code == null || code.isEmpty() || code.length() > 64) {
            return Optional.empty();
        }
        Optional<UcumUnit> known = PARSED.get(code);
        if (known != null) {
            return known;
        }
        Optional<UcumUnit> parsed = parseUncached(code);
        if (PARSED.size() < CACHE_LIMIT) {
            PARSED.put(code, parsed);
        }
        return parsed;
    }

    private static Optional<UcumUnit> parseUncached(String code) {
        int[] dims = new int[BASES.length];
        double factor = 1;
        int i = 0;
        int sign = 1;
        if (code.charAt(0) == '/') {
            sign = -1;
            i = 1;
        }
        while (i <= code.length()) {
            int end = i;
            while (end < code.length() && code.charAt(end) != '.' && code.charAt(end) != '/') {
                if (code.charAt(end) == '{') {
                    int close = code.indexOf('}', end);
                    if (close < 0) {
                        return Optional.empty();
                    }
                    end = close;
                }
                end++;
            }
            Optional<double[]> component = component(code.substring(i, end), dims, sign);
            if (component.isEmpty()) {
                return Optional.empty();
            }
            factor *= component.get()[0];
            if (end == code.length()) {
                break;
            }
            sign = code.charAt(end) == '/' ? -1 : 1;
            i = end + 1;
        }
        return Optional.of(new UcumUnit(code, dims, factor));
    }

    /** Adds one component ("cm2", "{pulse}", "1", "%") to {@code dims}; gives its factor, or empty when unknown. */
    private static Optional<double[]> component(String text, int[] dims, int sign) {
        String s = withoutAnnotations(text);
        if (s.isEmpty() || s.equals("1")) {
            return Optional.of(new double[] {1});
        }
        if (s.equals("%")) {
            return Optional.of(new double[] {Math.pow(0.01, sign)});
        }
        int digits = s.length();
        while (digits > 0 && (Character.isDigit(s.charAt(digits - 1)) || s.charAt(digits - 1) == '-')) {
            digits--;
        }
        int exponent = 1;
        if (digits < s.length()) {
            try {
                exponent = Integer.parseInt(s.substring(digits));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        String symbol = s.substring(0, digits);
        Atom atom = ATOMS.get(symbol);
        double prefix = 1;
        if (atom == null && symbol.length() > 1 && PREFIXES.containsKey(symbol.charAt(0))
                && !NON_METRIC.contains(symbol.substring(1))) {
            atom = ATOMS.get(symbol.substring(1));
            prefix = PREFIXES.get(symbol.charAt(0));
        }
        if (atom == null) {
            return Optional.empty();
        }
        int power = sign * exponent;
        dims[atom.base()] += atom.exponent() * power;
        return Optional.of(new double[] {Math.pow(prefix * atom.factor(), power)});
    }

    private static String withoutAnnotations(String text) {
        int open = text.indexOf('{');
        if (open < 0) {
            return text;
        }
        StringBuilder s = new StringBuilder(text.length());
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                s.append(ch);
            }
        }
        return s.toString();
    }

    /** True when both units measure the same kind of quantity. */
    public boolean sameDimension(UcumUnit other) {
        return Arrays.equals(dimensions, other.dimensions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UcumUnit u && code.equals(u.code) && Arrays.equals(dimensions, u.dimensions)
                && factor == u.factor;
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
