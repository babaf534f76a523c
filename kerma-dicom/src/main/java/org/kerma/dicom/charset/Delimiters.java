package org.kerma.dicom.charset;

import org.kerma.dicom.VR;

/**
 * Where a value returns to the initial designation of its character set (PS3.5 section 6.1.2.5.3): the
 * characters before which an encoder must have switched back to the Value 1 set, and after which a decoder
 * starts again from it.
 *
 * <p>For every VR: the control characters CR, LF, FF and TAB (an encoder also switches back before any other
 * control character but ESC). For multi-valued strings, and for PN, also the value separator '\'. For PN also
 * '^' between name components and '=' between component groups. A graphic delimiter is one only where it stands
 * as a single byte in G0; inside a two-byte character it is just a byte of that character.
 */
enum Delimiters {
    /** PN: '^', '=' and '\' besides the control characters. */
    PERSON_NAME("^=\\"),
    /** SH, LO, UC: '\' besides the control characters. */
    VALUES("\\"),
    /** ST, LT, UT: only the control characters. */
    TEXT("");

    private final String graphic;
    /** Bit b of {@code resetsLow} (b below 64) or of {@code resetsHigh} (b - 64) is set when byte b resets. */
    private final long resetsLow;
    private final long resetsHigh;

    Delimiters(String graphic) {
        this.graphic = graphic;
        long low = 1L << '\r' | 1L << '\n' | 1L << '\f' | 1L << '\t';
        long high = 0;
        for (char c : graphic.toCharArray()) {
            if (c < 64) {
                low |= 1L << c;
            } else {
                high |= 1L << (c - 64);
            }
        }
        this.resetsLow = low;
        this.resetsHigh = high;
    }

    static Delimiters of(VR vr) {
        if (vr.kind() == VR.Kind.PERSON_NAME) {
            return PERSON_NAME;
        }
        return vr.isMultiValuedString() ? VALUES : TEXT;
    }

    /** True when a decoder returns to the initial designation after the single-byte character {@code b}. */
    boolean resetsAfter(int b) {
        return b < 64 ? (resetsLow & 1L << b) != 0 : b < 128 && (resetsHigh & 1L << (b - 64)) != 0;
    }

    /** True when an encoder must return to the initial designation before character {@code c}. */
    boolean needsInitialBefore(int c) {
        return (c < 0x20 && c != GraphicSet.ESC) || (c > 0x20 && c < 0x80 && graphic.indexOf(c) >= 0);
    }
}
