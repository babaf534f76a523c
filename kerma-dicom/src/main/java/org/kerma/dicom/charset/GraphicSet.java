package org.kerma.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The graphic character sets that DICOM lets ISO/IEC 2022 designate to code element G0 or G1, each with the
 * escape sequence that designates it (PS3.3 Tables C.12-2, C.12-3 and C.12-4).
 *
 * <p>G0 is invoked in GL (bytes 0x21..0x7E), G1 in GR (bytes 0xA0..0xFF); PS3.5 section 6.1.2.5.1. The single-byte
 * G0 sets (ISO-IR 6 and ISO-IR 14) are both read as ASCII: ISO-IR 14 differs only in 0x5C (YEN SIGN) and 0x7E
 * (OVERLINE), and 0x5C is the value delimiter whatever its glyph (PS3.5 section 6.1.2.3), so Kerma, like pydicom,
 * reads them as backslash and tilde.
 */
enum GraphicSet {
    /** ISO-IR 6, the default repertoire (ASCII), in G0: ESC ( B. */
    ISO_IR_6(Element.G0, "(B", null),
    /** ISO-IR 14, JIS X 0201 romaji, in G0: ESC ( J. */
    ISO_IR_14(Element.G0, "(J", null),
    /**
     * ISO-IR 13, JIS X 0201 katakana, in G1: ESC ) I. Whole values are read as Shift_JIS (see
     * {@link #wholeValueCharset()}), whose 0x815C Java reads as EM DASH where JIS0208.TXT and Python have
     * HORIZONTAL BAR.
     */
    ISO_IR_13(Element.G1, ")I", "Shift_JIS", '\u2014', '\u2015'),
    /** ISO-IR 100, Latin alphabet No. 1 (ISO 8859-1), in G1: ESC - A. */
    ISO_IR_100(Element.G1, "-A", "ISO-8859-1"),
    /** ISO-IR 101, Latin alphabet No. 2 (ISO 8859-2): ESC - B. */
    ISO_IR_101(Element.G1, "-B", "ISO-8859-2"),
    /** ISO-IR 109, Latin alphabet No. 3 (ISO 8859-3): ESC - C. */
    ISO_IR_109(Element.G1, "-C", "ISO-8859-3"),
    /** ISO-IR 110, Latin alphabet No. 4 (ISO 8859-4): ESC - D. */
    ISO_IR_110(Element.G1, "-D", "ISO-8859-4"),
    /** ISO-IR 144, Cyrillic (ISO 8859-5): ESC - L. */
    ISO_IR_144(Element.G1, "-L", "ISO-8859-5"),
    /** ISO-IR 127, Arabic (ISO 8859-6): ESC - G. */
    ISO_IR_127(Element.G1, "-G", "ISO-8859-6"),
    /** ISO-IR 126, Greek (ISO 8859-7): ESC - F. */
    ISO_IR_126(Element.G1, "-F", "ISO-8859-7"),
    /** ISO-IR 138, Hebrew (ISO 8859-8): ESC - H. */
    ISO_IR_138(Element.G1, "-H", "ISO-8859-8"),
    /** ISO-IR 148, Latin alphabet No. 5 (ISO 8859-9): ESC - M. */
    ISO_IR_148(Element.G1, "-M", "ISO-8859-9"),
    /** ISO-IR 203, Latin alphabet No. 9 (ISO 8859-15): ESC - b. */
    ISO_IR_203(Element.G1, "-b", "ISO-8859-15"),
    /**
     * ISO-IR 166, Thai, TIS 620-2533: ESC - T. Read through ISO 8859-11 except 0xA0, which TIS 620-2533 (the
     * standard's reference) leaves undefined and pydicom reads as U+FFFD, where ISO 8859-11 has NO-BREAK SPACE.
     */
    ISO_IR_166(Element.G1, "-T", "x-iso-8859-11", '\u00A0', CodeTable.UNDEFINED),
    /** ISO-IR 87, JIS X 0208 kanji, two bytes in G0: ESC $ B. */
    ISO_IR_87(Element.G0, "$B", "EUC-JP"),
    /** ISO-IR 159, JIS X 0212 supplementary kanji, two bytes in G0: ESC $ ( D. */
    ISO_IR_159(Element.G0, "$(D", "EUC-JP"),
    /** ISO-IR 149, KS X 1001 (KS C 5601) Korean, two bytes in G1: ESC $ ) C. */
    ISO_IR_149(Element.G1, "$)C", "EUC-KR"),
    /** ISO-IR 58, GB 2312 simplified Chinese, two bytes in G1: ESC $ ) A. */
    ISO_IR_58(Element.G1, "$)A", "GB2312");

    /** The code element a set is designated to. */
    enum Element { G0, G1 }

    /** The escape character that starts every designation, 01/11. */
    static final byte ESC = 0x1B;

    /** {@link #values()} without the copy that each call to it makes. */
    private static final List<GraphicSet> ALL = List.of(values());

    private final Element element;
    private final byte[] escape;
    private final String charsetName;
    private final char javaReads;
    private final char correctReading;

    GraphicSet(Element element, String afterEsc, String charsetName) {
        this(element, afterEsc, charsetName, CodeTable.UNDEFINED, CodeTable.UNDEFINED);
    }

    /**
     * @param javaReads      a character that the Java charset reads from one code only, where Kerma reads
     *                       {@code correctReading} instead
     */
    GraphicSet(Element element, String afterEsc, String charsetName, char javaReads, char correctReading) {
        this.element = element;
        this.escape = new byte[afterEsc.length() + 1];
        this.escape[0] = ESC;
        for (int i = 0; i < afterEsc.length(); i++) {
            this.escape[i + 1] = (byte) afterEsc.charAt(i);
        }
        this.charsetName = charsetName;
        this.javaReads = javaReads;
        this.correctReading = correctReading;
    }

    Element element() {
        return element;
    }

    /** True for the 94x94 sets, whose characters take two bytes. */
    boolean isDoubleByte() {
        return escape[1] == '$';
    }

    /** True for G0 sets read as ASCII: ISO-IR 6 and ISO-IR 14. */
    boolean isAsciiLike() {
        return this == ISO_IR_6 || this == ISO_IR_14;
    }

    /** Appends the escape sequence to {@code out}. */
    void writeEscape(ByteArrayOutputStream out) {
        out.write(escape, 0, escape.length);
    }

    /**
     * The set whose escape sequence starts at {@code bytes[at]} (which holds ESC), or {@code null} when the bytes up
     * to {@code end} match none of them.
     */
    static GraphicSet atEscape(byte[] bytes, int at, int end) {
        for (GraphicSet set : ALL) {
            if (set.escapeMatches(bytes, at, end)) {
                return set;
            }
        }
        return null;
    }

    int escapeLength() {
        return escape.length;
    }

    private boolean escapeMatches(byte[] bytes, int at, int end) {
        if (end - at < escape.length) {
            return false;
        }
        for (int i = 0; i < escape.length; i++) {
            if (bytes[at + i] != escape[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Java charset that reads a whole value in which this G1 set is designated and nothing changes: GL as ASCII,
     * GR through this set. For ISO-IR 13 that is Shift_JIS, which also reads the Shift_JIS kanji that real files
     * put under "ISO_IR 13" (as pydicom does). Pass the result through {@link #fixWholeValue}.
     */
    Charset wholeValueCharset() {
        if (element != Element.G1) {
            throw new IllegalStateException(name() + " is a G0 set; only G1 sets read whole values");
        }
        return Charset.forName(charsetName);
    }

    /** Applies to text read by {@link #wholeValueCharset()} the correction that {@link #table()} holds. */
    String fixWholeValue(String decoded) {
        return javaReads == CodeTable.UNDEFINED ? decoded : decoded.replace(javaReads, correctReading);
    }

    /** The table of this set's characters; not defined for the ASCII-like G0 sets. */
    CodeTable table() {
        switch (this) {
            case ISO_IR_87: return Tables.JisX0208.TABLE;
            case ISO_IR_159: return Tables.JisX0212.TABLE;
            case ISO_IR_149: return Tables.KsX1001.TABLE;
            case ISO_IR_58: return Tables.Gb2312.TABLE;
            case ISO_IR_6: case ISO_IR_14:
                throw new IllegalStateException(name() + " is read as ASCII and has no table");
            default: return singleByteTable();
        }
    }

    private CodeTable singleByteTable() {
        CodeTable table = Tables.SingleByte.TABLES.get(this);
        if (table == null) {
            throw new IllegalStateException("this Java runtime lacks charset " + charsetName + ", which Kerma needs"
                    + " for " + name().replace('_', ' ') + " (add the jdk.charsets module)");
        }
        return table;
    }

    /**
     * The tables, each built on first use (initialisation-on-demand holders: immutable once built, no locking).
     * Corrections align Java's mappings with the Unicode consortium's JIS tables, which pydicom (Python) follows.
     */
    private static final class Tables {
        /** Java maps JIS X 0208 0x213D to EM DASH; JIS0208.TXT and Python say HORIZONTAL BAR. */
        static final char JIS_HORIZONTAL_BAR = '\u2015';

        private Tables() {
        }

        static final class SingleByte {
            static final Map<GraphicSet, CodeTable> TABLES = build();

            private static Map<GraphicSet, CodeTable> build() {
                Map<GraphicSet, CodeTable> tables = new EnumMap<>(GraphicSet.class);
                for (GraphicSet set : values()) {
                    if (set.element == Element.G1 && !set.isDoubleByte() && Charset.isSupported(set.charsetName)) {
                        tables.put(set, CodeTable.upperHalf(Charset.forName(set.charsetName), set.javaReads,
                                set.correctReading));
                    }
                }
                return Map.copyOf(tables);
            }

            private SingleByte() {
            }
        }

        static final class JisX0208 {
            static final CodeTable TABLE = CodeTable.doubleByte(Charset.forName("EUC-JP"),
                    p -> new byte[] {(byte) (0xA1 + p / 94), (byte) (0xA1 + p % 94)},
                    CodeTable.position(0x21, 0x3D), JIS_HORIZONTAL_BAR);

            private JisX0208() {
            }
        }

        static final class JisX0212 {
            /** Java maps JIS X 0212 0x2237 to FULLWIDTH TILDE; JIS0212.TXT and Python say TILDE. */
            static final CodeTable TABLE = CodeTable.doubleByte(Charset.forName("EUC-JP"),
                    p -> new byte[] {(byte) 0x8F, (byte) (0xA1 + p / 94), (byte) (0xA1 + p % 94)},
                    CodeTable.position(0x22, 0x37), '~');

            private JisX0212() {
            }
        }

        static final class KsX1001 {
            static final CodeTable TABLE = CodeTable.doubleByte(Charset.forName("EUC-KR"),
                    p -> new byte[] {(byte) (0xA1 + p / 94), (byte) (0xA1 + p % 94)});

            private KsX1001() {
            }
        }

        static final class Gb2312 {
            static final CodeTable TABLE = CodeTable.doubleByte(Charset.forName("GB2312"),
                    p -> new byte[] {(byte) (0xA1 + p / 94), (byte) (0xA1 + p % 94)});

            private Gb2312() {
            }
        }
    }
}
