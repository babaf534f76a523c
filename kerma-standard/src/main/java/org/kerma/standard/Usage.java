package org.kerma.standard;

/** How an IOD uses a module (PS3.3 Section A.1.3): mandatory, conditional or user option. */
public enum Usage {
    /** M: the module is always present. */
    MANDATORY("M"),
    /** C: the module is present when its condition holds. */
    CONDITIONAL("C"),
    /** U: the module may be present. */
    USER_OPTION("U");

    private final String letter;

    Usage(String letter) {
        this.letter = letter;
    }

    /** The letter PS3.3 writes: M, C or U. */
    public String letter() {
        return letter;
    }

    /**
     * The usage for a letter.
     *
     * @throws IllegalArgumentException for anything but M, C or U
     */
    public static Usage ofLetter(String letter) {
        for (Usage u : values()) {
            if (u.letter.equals(letter)) {
                return u;
            }
        }
        throw new IllegalArgumentException("not a module usage (M, C, U): " + letter);
    }
}
