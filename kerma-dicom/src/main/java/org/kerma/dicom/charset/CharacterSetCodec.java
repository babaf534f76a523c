package org.kerma.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kerma.dicom.VR;

/**
 * The encoder and decoder behind {@code org.kerma.dicom.SpecificCharacterSet}, built from the terms of
 * Specific Character Set (0008,0005). Internal to Kerma: use {@code SpecificCharacterSet}.
 *
 * <p>How terms are read, as pydicom reads them: an empty or unknown Value 1 means the default repertoire; a
 * term spelled with the wrong separators is read as the Defined Term it means (but still reported by
 * {@link #unknownTerms()}); unknown later terms add nothing. When Value 1 is ISO_IR 192, GB18030 or GBK, which
 * forbid code extensions (PS3.5 section 6.1.2.5.4), later terms are ignored; such a term after Value 1 is ignored.
 *
 * <p>Instances are immutable and thread-safe: every decode and encode works on its own state.
 */
public final class CharacterSetCodec {
    private final List<String> unknownTerms;
    private final Charset standAlone;
    private final CodeExtensions setup;
    private final Charset wholeValueCharset;
    private final String description;

    private CharacterSetCodec(List<String> terms) {
        List<String> unknown = new ArrayList<>();
        for (String term : terms) {
            if (!term.isEmpty() && DefinedTerm.exactly(term) == null) {
                unknown.add(term);
            }
        }
        this.unknownTerms = List.copyOf(unknown);
        this.description = String.join("\\", terms);
        DefinedTerm first = terms.isEmpty() ? null : DefinedTerm.meant(terms.get(0));
        this.standAlone = first == null ? null : first.standAlone();
        this.setup = standAlone == null ? codeExtensions(first, terms) : null;
        this.wholeValueCharset = setup == null || setup.initialG1() == null
                ? StandardCharsets.ISO_8859_1 : setup.initialG1().wholeValueCharset();
    }

    /**
     * The codec for the given terms, already trimmed; an empty list or an empty first term means the default
     * repertoire.
     */
    public static CharacterSetCodec of(List<String> terms) {
        return new CharacterSetCodec(List.copyOf(terms));
    }

    private static CodeExtensions codeExtensions(DefinedTerm first, List<String> terms) {
        GraphicSet initialG0 = first != null && first.g0() != null && first.g0().isAsciiLike()
                ? first.g0() : GraphicSet.ISO_IR_6;
        GraphicSet initialG1 = first == null ? null : first.g1();
        List<GraphicSet> declared = new ArrayList<>();
        for (String term : terms) {
            DefinedTerm defined = DefinedTerm.meant(term);
            if (defined == null || defined.isStandAlone()) {
                continue;
            }
            for (GraphicSet set : defined.sets()) {
                if (!declared.contains(set)) {
                    declared.add(set);
                }
            }
        }
        return new CodeExtensions(initialG0, initialG1, declared);
    }

    /** The terms that are not Defined Terms (nor "ISO_IR 6"), in their order; empty terms are not listed. */
    public List<String> unknownTerms() {
        return unknownTerms;
    }

    /**
     * True when G0 is ISO-IR 6 (ASCII) throughout: no term designates ISO-IR 14 or a two-byte set to G0. Then a
     * value whose bytes are all below 0x80 and include no ESC reads as those ASCII characters.
     */
    public boolean isAsciiCompatible() {
        if (setup == null) {
            return true;
        }
        for (GraphicSet set : setup.declared()) {
            if (set.element() == GraphicSet.Element.G0 && set != GraphicSet.ISO_IR_6) {
                return false;
            }
        }
        return true;
    }

    /** True when this reads and writes exactly as the default repertoire: ISO-IR 6 alone, no unknown terms. */
    public boolean isDefault() {
        return unknownTerms.isEmpty() && setup != null && setup.initialG1() == null
                && setup.declared().stream().allMatch(set -> set == GraphicSet.ISO_IR_6);
    }

    /**
     * Decodes {@code bytes[offset, offset + length)}, a whole value of an element with VR {@code vr}, delimiters
     * included. VRs that are not {@link VR#charsetDependent()} are read as ISO 8859-1 (ASCII for the bytes the
     * standard allows there), as pydicom reads them. Never throws for bad bytes: what cannot be read becomes U+FFFD.
     */
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        int end = offset + length;
        int firstSpecial = vr.charsetDependent() ? firstNonAsciiOrEsc(bytes, offset, end) : end;
        if (firstSpecial == end) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        if (standAlone != null) {
            return new String(bytes, offset, length, standAlone);
        }
        if (indexOfEsc(bytes, firstSpecial, end) < 0) {
            String decoded = new String(bytes, offset, length, wholeValueCharset);
            return setup.initialG1() == null ? decoded : setup.initialG1().fixWholeValue(decoded);
        }
        return Iso2022Decoder.decode(setup, Delimiters.of(vr), bytes, offset, end);
    }

    /**
     * Encodes {@code value} for an element with VR {@code vr}, with the escape sequences that code extensions need.
     * VRs that are not {@link VR#charsetDependent()} take ASCII only.
     *
     * @throws IllegalArgumentException naming the first character that cannot be encoded, and the character set
     */
    public byte[] encode(String value, VR vr) {
        if (isPlainAscii(value)) {
            return value.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (!vr.charsetDependent()) {
            int index = firstNonPlainAscii(value);
            throw Unencodable.character(value, index, "VR " + vr,
                    "its values take the default repertoire (ASCII) only");
        }
        if (standAlone != null) {
            return encodeStandAlone(value);
        }
        return Iso2022Encoder.encode(setup, Delimiters.of(vr), value, description);
    }

    private byte[] encodeStandAlone(String value) {
        int esc = value.indexOf(GraphicSet.ESC);
        if (esc >= 0) {
            throw Unencodable.character(value, esc, where(), "ESC is reserved for escape sequences");
        }
        CharsetEncoder encoder = standAlone.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(value));
            byte[] result = new byte[encoded.remaining()];
            encoded.get(result);
            return result;
        } catch (CharacterCodingException e) {
            throw Unencodable.character(value, firstUnencodable(value, standAlone.newEncoder()), where(),
                    standAlone.name() + " has no such character");
        }
    }

    private String where() {
        return "Specific Character Set '" + description + "'";
    }

    private static int firstUnencodable(String value, CharsetEncoder encoder) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!encoder.canEncode(new String(Character.toChars(c)))) {
                return i;
            }
            i += Character.charCount(c);
        }
        return 0;
    }

    private static int firstNonAsciiOrEsc(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            byte b = bytes[i];
            if (b < 0 || b == GraphicSet.ESC) {
                return i;
            }
        }
        return end;
    }

    private static int indexOfEsc(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == GraphicSet.ESC) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isPlainAscii(String value) {
        return firstNonPlainAscii(value) == value.length();
    }

    private static int firstNonPlainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == GraphicSet.ESC) {
                return i;
            }
        }
        return value.length();
    }
}
