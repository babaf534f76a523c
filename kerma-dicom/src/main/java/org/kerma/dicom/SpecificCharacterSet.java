package org.kerma.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kerma.dicom.charset.CharacterSetCodec;

/**
 * The character set of a data set, from Specific Character Set (0008,0005): how the values of SH, LO, UC, ST, LT,
 * UT and PN elements turn into text and back (PS3.5 section 6.1, PS3.3 section C.12.1.1.2).
 *
 * <p>Supported terms: the default repertoire (empty Value 1, or "ISO_IR 6"); the single-byte sets ISO_IR 100, 101,
 * 109, 110, 144, 127, 126, 138, 148, 203, 166 and 13; ISO_IR 192 (UTF-8), GB18030 and GBK; and code extensions
 * (ISO/IEC 2022) with ISO 2022 IR 6, 100, 101, 109, 110, 144, 127, 126, 138, 148, 203, 166, 13, 87 (JIS X 0208),
 * 159 (JIS X 0212), 149 (KS X 1001) and 58 (GB 2312).
 *
 * <p>Reading is lenient and matches pydicom where the standard leaves room: an unknown term does not fail but is
 * listed by {@link #unknownTerms()} and read as the default repertoire; bytes 0x80..0xFF in the default repertoire
 * read as ISO 8859-1; bytes a set does not define read as U+FFFD. Escape sequences switch G0 or G1 as PS3.3 Tables
 * C.12-3 and C.12-4 define, and the designations return to those of Value 1 after the delimiters of PS3.5 section
 * 6.1.2.5.3: for PN after '^', '=' and '\', for other multi-valued strings after '\', and for every VR after CR, LF,
 * FF and TAB. Where pydicom departs from the standard (see the tests), Kerma follows the standard. Writing is
 * strict: a character that no declared set has is an error.
 *
 * <p>Instances are immutable and thread-safe; build one per data set (and per sequence item with its own
 * (0008,0005)) and share it freely.
 */
public final class SpecificCharacterSet {
    /** The default repertoire, ISO-IR 6 (ASCII): what applies when (0008,0005) is absent or empty. */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(List.of());

    private final List<String> terms;
    private final CharacterSetCodec codec;

    private SpecificCharacterSet(List<String> terms) {
        this.terms = terms;
        this.codec = CharacterSetCodec.of(terms);
    }

    /**
     * The character set named by the values of (0008,0005), e.g. {@code of("ISO 2022 IR 6", "ISO 2022 IR 87")}.
     * Each term is trimmed of spaces and NULs. No terms, or only empty ones, give the default repertoire; an empty
     * first term with more terms means that Value 1 is the default repertoire. Never throws for unknown terms.
     *
     * @throws NullPointerException if {@code terms} or one of them is null
     */
    public static SpecificCharacterSet of(String... terms) {
        Objects.requireNonNull(terms, "terms");
        List<String> trimmed = new ArrayList<>(terms.length);
        for (String term : terms) {
            trimmed.add(Objects.requireNonNull(term, "a term of Specific Character Set").trim());
        }
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        return trimmed.isEmpty() ? DEFAULT : new SpecificCharacterSet(List.copyOf(trimmed));
    }

    /**
     * The character set named by the raw value of (0008,0005), its terms separated by backslash, e.g.
     * {@code "\\ISO 2022 IR 87"} (empty Value 1). A null or blank value gives the default repertoire.
     */
    public static SpecificCharacterSet ofValue(String rawValue) {
        if (rawValue == null) {
            return DEFAULT;
        }
        return of(rawValue.split("\\\\", -1));
    }

    /** The terms as given, trimmed, without trailing empty ones; empty for the default repertoire. */
    public List<String> terms() {
        return terms;
    }

    /**
     * The terms that are not Defined Terms (or "ISO_IR 6"), in order. They never fail reading: an unknown Value 1
     * reads as the default repertoire, other unknown terms add nothing. A term with the wrong separators ("ISO IR
     * 100", "ISO_2022_IR_87") is listed here too, but is read as the Defined Term it means, as pydicom does.
     */
    public List<String> unknownTerms() {
        return codec.unknownTerms();
    }

    /** True when this is the default repertoire: no terms, or only "ISO_IR 6" or "ISO 2022 IR 6". */
    public boolean isDefault() {
        return codec.isDefault();
    }

    /**
     * Decodes one element value: {@code length} bytes from {@code offset}, the whole value with any '\' value
     * separators, '^' and '=' delimiters and padding it holds (nothing is split or trimmed). For VRs that are not
     * {@link VR#charsetDependent()} the bytes are read as ISO 8859-1, which is ASCII for all the bytes those VRs
     * may hold. Never throws for bad bytes; a pure-ASCII value costs no more than the {@code String} it becomes.
     *
     * @throws IndexOutOfBoundsException if the range lies outside {@code bytes}
     */
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return codec.decode(bytes, offset, length, Objects.requireNonNull(vr, "vr"));
    }

    /**
     * Encodes one element value, the inverse of {@link #decode}: with code extensions, writes the escape sequences
     * needed and returns to the Value 1 designations before each delimiter and at the end. Adds no padding.
     *
     * @throws IllegalArgumentException if a character cannot be encoded; the message names the character, its
     *                                  index and this character set. VRs that are not charset-dependent take ASCII
     *                                  only, and ESC (U+001B) is never accepted as a character.
     */
    public byte[] encode(String value, VR vr) {
        return codec.encode(Objects.requireNonNull(value, "value"), Objects.requireNonNull(vr, "vr"));
    }

    /**
     * True when every term keeps G0 as ISO-IR 6, so bytes 0x00..0x7F always mean ASCII: then a value whose bytes
     * are all below 0x80 and include no ESC (0x1B) decodes to exactly those ASCII characters, and callers may skip
     * {@link #decode}. False when a term designates ISO-IR 14 (ISO_IR 13, ISO 2022 IR 13: romaji, with YEN SIGN at
     * 0x5C; {@link #decode} still returns backslash there, as pydicom does) or a two-byte set to G0 (ISO 2022 IR 87,
     * ISO 2022 IR 159).
     */
    public boolean isAsciiCompatible() {
        return codec.isAsciiCompatible();
    }

    /** Equal when the terms are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SpecificCharacterSet && terms.equals(((SpecificCharacterSet) other).terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    /** The value of (0008,0005) as stored, e.g. {@code \ISO 2022 IR 87}; empty for the default repertoire. */
    @Override
    public String toString() {
        return String.join("\\", terms);
    }
}
