package org.kerma.dicom.charset;

import java.io.ByteArrayOutputStream;

/**
 * Writes a value with ISO/IEC 2022 code extensions (PS3.5 section 6.1.2.5), the inverse of {@link Iso2022Decoder}.
 *
 * <p>ASCII characters are written in G0, switching it back to the initial single-byte set if a two-byte set was
 * designated there. Any other character is written with the first set that has it, trying in turn the set in G1,
 * the two-byte set in G0, then the declared sets in the order of the terms; an escape sequence designates that set
 * when it is not already in place. Before each delimiter ({@link Delimiters#needsInitialBefore}) and at the end of
 * the value the initial designations are restored (a G1 that started undefined cannot be restored, and need not
 * be: decoders return to it by themselves). Each call has its own state.
 */
final class Iso2022Encoder {
    private final CodeExtensions setup;
    private final Delimiters delimiters;
    private final String value;
    private final String characterSet;
    private final ByteArrayOutputStream out;
    private GraphicSet g0;
    private GraphicSet g1;

    private Iso2022Encoder(CodeExtensions setup, Delimiters delimiters, String value, String characterSet) {
        this.setup = setup;
        this.delimiters = delimiters;
        this.value = value;
        this.characterSet = characterSet;
        this.out = new ByteArrayOutputStream(value.length() * 2 + 8);
        this.g0 = setup.initialG0();
        this.g1 = setup.initialG1();
    }

    /**
     * Encodes {@code value}.
     *
     * @param characterSet the Specific Character Set value, for error messages, e.g. "ISO 2022 IR 6\\ISO 2022 IR 87"
     * @throws IllegalArgumentException naming the first character that no declared set has, its index and the
     *                                  character set
     */
    static byte[] encode(CodeExtensions setup, Delimiters delimiters, String value, String characterSet) {
        return new Iso2022Encoder(setup, delimiters, value, characterSet).run();
    }

    private byte[] run() {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c < 0x80) {
                writeAscii(c, i);
            } else {
                writeOther(c, i);
            }
            i += Character.charCount(c);
        }
        restoreInitial();
        return out.toByteArray();
    }

    private String where() {
        return "Specific Character Set '" + characterSet + "'";
    }

    private void writeAscii(int c, int index) {
        if (c == GraphicSet.ESC) {
            throw Unencodable.character(value, index, where(), "ESC is reserved for escape sequences");
        }
        if (delimiters.needsInitialBefore(c)) {
            restoreInitial();
        } else if (g0.isDoubleByte()) {
            designate(setup.initialG0());
        }
        out.write(c);
    }

    private void writeOther(int c, int index) {
        if (c <= Character.MAX_VALUE) {
            char ch = (char) c;
            if (g1 != null && writeIfPresent(g1, ch)) {
                return;
            }
            if (g0.isDoubleByte() && writeIfPresent(g0, ch)) {
                return;
            }
            for (GraphicSet set : setup.declared()) {
                if (!set.isAsciiLike() && set.table().encode(ch) >= 0) {
                    designate(set);
                    writeIfPresent(set, ch);
                    return;
                }
            }
        }
        throw Unencodable.character(value, index, where(), "none of its character sets has it");
    }

    /** Writes {@code ch} through {@code set}, which must be designated; false when the set lacks it. */
    private boolean writeIfPresent(GraphicSet set, char ch) {
        int position = set.table().encode(ch);
        if (position < 0) {
            return false;
        }
        if (!set.isDoubleByte()) {
            out.write(0x80 + position);
            return true;
        }
        int high = set.element() == GraphicSet.Element.G1 ? 0x80 : 0;
        out.write((0x21 + position / 94) | high);
        out.write((0x21 + position % 94) | high);
        return true;
    }

    private void designate(GraphicSet set) {
        set.writeEscape(out);
        if (set.element() == GraphicSet.Element.G0) {
            g0 = set;
        } else {
            g1 = set;
        }
    }

    private void restoreInitial() {
        if (g0 != setup.initialG0()) {
            designate(setup.initialG0());
        }
        if (g1 != setup.initialG1()) {
            if (setup.initialG1() != null) {
                designate(setup.initialG1());
            } else {
                g1 = null;
            }
        }
    }
}
