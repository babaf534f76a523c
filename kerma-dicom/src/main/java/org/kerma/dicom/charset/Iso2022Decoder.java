package org.kerma.dicom.charset;

/**
 * Reads a value that contains escape sequences, tracking what G0 and G1 hold (PS3.5 section 6.1.2.5).
 *
 * <p>Rules, byte by byte:
 * <ul>
 *   <li>ESC followed by an allowed designation ({@link CodeExtensions#allows}) switches G0 or G1 and produces no
 *       character. Any other ESC is kept as U+001B and the designations return to the initial ones, which is what
 *       pydicom produces for an unknown or undeclared escape sequence.</li>
 *   <li>A GL byte 0x21..0x7E is half of a two-byte character while G0 holds a two-byte set; otherwise it, like
 *       every byte below 0x21, is ASCII. After a delimiter ({@link Delimiters#resetsAfter}) the designations return
 *       to the initial ones.</li>
 *   <li>A byte 0x80..0xFF is read through G1: one byte, or two for a two-byte set. With no G1 set it is read as
 *       ISO 8859-1, as pydicom reads the default repertoire.</li>
 *   <li>A byte or pair that the designated set does not define becomes U+FFFD.</li>
 * </ul>
 * Every byte gives at most one char, so the output never exceeds the input in length.
 */
final class Iso2022Decoder {
    private static final char REPLACEMENT = CodeTable.UNDEFINED;

    private final CodeExtensions setup;
    private final Delimiters delimiters;
    private final byte[] bytes;
    private final int end;
    private final char[] out;
    private int length;
    private int at;
    private GraphicSet g0;
    private GraphicSet g1;

    private Iso2022Decoder(CodeExtensions setup, Delimiters delimiters, byte[] bytes, int offset, int end) {
        this.setup = setup;
        this.delimiters = delimiters;
        this.bytes = bytes;
        this.end = end;
        this.out = new char[end - offset];
        this.at = offset;
        resetDesignations();
    }

    /** Decodes {@code bytes[offset..end)}; each call has its own state, so concurrent calls are safe. */
    static String decode(CodeExtensions setup, Delimiters delimiters, byte[] bytes, int offset, int end) {
        return new Iso2022Decoder(setup, delimiters, bytes, offset, end).run();
    }

    private String run() {
        while (at < end) {
            int b = bytes[at] & 0xFF;
            if (b == GraphicSet.ESC) {
                readEscape();
            } else if (b < 0x80) {
                readLeft(b);
            } else {
                readRight(b);
            }
        }
        return new String(out, 0, length);
    }

    private void readEscape() {
        GraphicSet set = GraphicSet.atEscape(bytes, at, end);
        if (set == null || !setup.allows(set)) {
            out[length++] = (char) GraphicSet.ESC;
            resetDesignations();
            at++;
        } else {
            if (set.element() == GraphicSet.Element.G0) {
                g0 = set;
            } else {
                g1 = set;
            }
            at += set.escapeLength();
        }
    }

    /** A byte below 0x80: ASCII, a delimiter, or the first half of a two-byte G0 character. */
    private void readLeft(int b) {
        if (g0.isDoubleByte() && isGraphicLeft(b)) {
            if (at + 1 < end && isGraphicLeft(bytes[at + 1] & 0xFF)) {
                out[length++] = g0.table().decode(CodeTable.position(b, bytes[at + 1] & 0xFF));
                at += 2;
            } else {
                out[length++] = REPLACEMENT;
                at++;
            }
            return;
        }
        out[length++] = (char) b;
        at++;
        if (delimiters.resetsAfter(b)) {
            resetDesignations();
        }
    }

    /** A byte of 0x80 or more, read through G1. */
    private void readRight(int b) {
        if (g1 == null) {
            out[length++] = (char) b;
            at++;
        } else if (!g1.isDoubleByte()) {
            out[length++] = g1.table().decode(b - 0x80);
            at++;
        } else if (isGraphicRight(b) && at + 1 < end && isGraphicRight(bytes[at + 1] & 0xFF)) {
            out[length++] = g1.table().decode(CodeTable.position(b & 0x7F, bytes[at + 1] & 0x7F));
            at += 2;
        } else {
            out[length++] = REPLACEMENT;
            at++;
        }
    }

    private void resetDesignations() {
        g0 = setup.initialG0();
        g1 = setup.initialG1();
    }

    private static boolean isGraphicLeft(int b) {
        return b >= 0x21 && b <= 0x7E;
    }

    private static boolean isGraphicRight(int b) {
        return b >= 0xA1 && b <= 0xFE;
    }
}
