package org.kerma.dose;

/**
 * The canonical unit of each kind of dose quantity (DESIGN.md, "Quantities are stored in one canonical unit each"):
 * every {@link Quantity} a reader returns is in one of these, with its UCUM code and a display symbol.
 */
public enum Unit {
    /** Dose area product. */
    GRAY_SQUARE_METRE("Gy.m2", "Gy·m²"),
    /** Air kerma, dose at the reference point. */
    GRAY("Gy", "Gy"),
    /** Average glandular dose, CTDIvol, organ dose. */
    MILLIGRAY("mGy", "mGy"),
    /** Dose length product. */
    MILLIGRAY_CENTIMETRE("mGy.cm", "mGy·cm"),
    SECOND("s", "s"),
    MILLIMETRE("mm", "mm"),
    DEGREE("deg", "deg"),
    KILOVOLT("kV", "kV"),
    MILLIAMPERE("mA", "mA"),
    /** Tube current–time product (Exposure, 113736). */
    MILLIAMPERE_SECOND("mA.s", "mAs"),
    /** Collimated field area. */
    SQUARE_METRE("m2", "m²"),
    /** Pulse rate. */
    PER_SECOND("/s", "/s"),
    /** Administered activity. */
    MEGABECQUEREL("MBq", "MBq"),
    /** Effective dose. */
    MILLISIEVERT("mSv", "mSv"),
    /** Counts, ratios, indices (pitch factor, number of pulses, exposure index). */
    ONE("1", "1"),
    PERCENT("%", "%");

    private final String ucum;
    private final String symbol;

    Unit(String ucum, String symbol) {
        this.ucum = ucum;
        this.symbol = symbol;
    }

    /** The UCUM code of this unit, e.g. "mGy.cm". */
    public String ucum() {
        return ucum;
    }

    /** The unit as printed beside a number, e.g. "mGy·cm". */
    public String symbol() {
        return symbol;
    }
}
