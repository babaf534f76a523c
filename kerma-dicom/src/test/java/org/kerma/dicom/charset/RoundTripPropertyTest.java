package org.kerma.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.kerma.dicom.SpecificCharacterSet;
import org.kerma.dicom.VR;

/**
 * For random text within the repertoire of each character set, decode(encode(text)) is the text, for every
 * charset-dependent VR. A repertoire is found through the public API: every code of every set the terms declare,
 * decoded, keeping what is not U+FFFD.
 */
class RoundTripPropertyTest {
    private static final VR[] CHARSET_VRS = {VR.SH, VR.LO, VR.UC, VR.ST, VR.LT, VR.UT, VR.PN};
    private static final List<Repertoire> REPERTOIRES = repertoires();

    /** A character set with the characters it can encode; {@code allUnicode} for UTF-8 and GB18030. */
    record Repertoire(SpecificCharacterSet charset, char[] characters, boolean allUnicode) {
        @Override
        public String toString() {
            return "[" + charset + "] " + (allUnicode ? "all of Unicode" : characters.length + " characters");
        }
    }

    record Sample(Repertoire repertoire, VR vr, String text) {
        @Override
        public String toString() {
            return repertoire + " " + vr + " \"" + text + "\"";
        }
    }

    @Property(tries = 2000)
    void decodingWhatWasEncodedGivesTheSameText(@ForAll("samples") Sample sample) {
        SpecificCharacterSet charset = sample.repertoire().charset();

        byte[] encoded = charset.encode(sample.text(), sample.vr());

        assertThat(charset.decode(encoded, 0, encoded.length, sample.vr())).isEqualTo(sample.text());
    }

    @Property(tries = 500)
    void decodingNeverThrowsAndNeverGrowsBeyondTheBytes(@ForAll("charsets") SpecificCharacterSet charset,
                                                        @ForAll @Size(max = 64) byte[] bytes,
                                                        @ForAll("vrs") VR vr) {
        String decoded = charset.decode(bytes, 0, bytes.length, vr);

        assertThat(decoded.length()).isLessThanOrEqualTo(bytes.length);
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.of(REPERTOIRES).flatMap(repertoire -> Combinators
                .combine(Arbitraries.of(CHARSET_VRS), texts(repertoire))
                .as((vr, text) -> new Sample(repertoire, vr, text)));
    }

    @Provide
    Arbitrary<SpecificCharacterSet> charsets() {
        return Arbitraries.of(REPERTOIRES).map(Repertoire::charset);
    }

    @Provide
    Arbitrary<VR> vrs() {
        return Arbitraries.of(CHARSET_VRS);
    }

    private static Arbitrary<String> texts(Repertoire repertoire) {
        if (repertoire.allUnicode()) {
            return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                    .filter(c -> c != 0x1B && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                    .list().ofMaxSize(30)
                    .map(codePoints -> {
                        StringBuilder text = new StringBuilder();
                        codePoints.forEach(text::appendCodePoint);
                        return text.toString();
                    });
        }
        return Arbitraries.strings().withChars(repertoire.characters()).ofMaxLength(30);
    }

    private static List<Repertoire> repertoires() {
        List<Repertoire> list = new ArrayList<>();
        list.add(repertoire(SpecificCharacterSet.DEFAULT));
        for (String term : List.of("ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144",
                "ISO_IR 127", "ISO_IR 126", "ISO_IR 138", "ISO_IR 148", "ISO_IR 203", "ISO_IR 166", "ISO_IR 13")) {
            list.add(repertoire(SpecificCharacterSet.of(term), singleByte(term)));
        }
        list.add(repertoire(SpecificCharacterSet.ofValue("ISO 2022 IR 6\\ISO 2022 IR 87"), jisX0208()));
        list.add(repertoire(SpecificCharacterSet.ofValue("ISO 2022 IR 13\\ISO 2022 IR 87"),
                singleByte("ISO_IR 13"), jisX0208()));
        list.add(repertoire(SpecificCharacterSet.ofValue("\\ISO 2022 IR 87\\ISO 2022 IR 159"),
                jisX0208(), doubleByte("\\ISO 2022 IR 159", "\u001b$(D", 0)));
        list.add(repertoire(SpecificCharacterSet.ofValue("\\ISO 2022 IR 149"), ksX1001()));
        list.add(repertoire(SpecificCharacterSet.ofValue("\\ISO 2022 IR 58"),
                doubleByte("\\ISO 2022 IR 58", "\u001b$)A", 0x80)));
        list.add(repertoire(SpecificCharacterSet.ofValue(
                "ISO 2022 IR 100\\ISO 2022 IR 126\\ISO 2022 IR 144\\ISO 2022 IR 138"),
                singleByte("ISO_IR 100"), singleByte("ISO_IR 126"), singleByte("ISO_IR 144"),
                singleByte("ISO_IR 138")));
        list.add(repertoire(SpecificCharacterSet.ofValue("ISO 2022 IR 100\\ISO 2022 IR 149\\ISO 2022 IR 87"),
                singleByte("ISO_IR 100"), ksX1001(), jisX0208()));
        list.add(repertoire(SpecificCharacterSet.of("GBK"), gbk()));
        list.add(new Repertoire(SpecificCharacterSet.of("ISO_IR 192"), new char[0], true));
        list.add(new Repertoire(SpecificCharacterSet.of("GB18030"), new char[0], true));
        return List.copyOf(list);
    }

    /** ASCII but ESC, plus the given characters. */
    @SafeVarargs
    private static Repertoire repertoire(SpecificCharacterSet charset, Set<Character>... sets) {
        Set<Character> all = new LinkedHashSet<>();
        for (char c = 0; c < 0x80; c++) {
            if (c != 0x1B) {
                all.add(c);
            }
        }
        for (Set<Character> set : sets) {
            all.addAll(set);
        }
        char[] characters = new char[all.size()];
        int i = 0;
        for (char c : all) {
            characters[i++] = c;
        }
        return new Repertoire(charset, characters, false);
    }

    private static Set<Character> singleByte(String term) {
        Set<Character> set = new LinkedHashSet<>();
        SpecificCharacterSet charset = SpecificCharacterSet.of(term);
        for (int b = 0xA0; b <= 0xFF; b++) {
            addDefined(set, charset.decode(new byte[] {(byte) b}, 0, 1, VR.LO));
        }
        return set;
    }

    private static Set<Character> jisX0208() {
        return doubleByte("\\ISO 2022 IR 87", "\u001b$B", 0);
    }

    private static Set<Character> ksX1001() {
        return doubleByte("\\ISO 2022 IR 149", "\u001b$)C", 0x80);
    }

    /** Every 94x94 code after {@code escape}, its bytes or'ed with {@code high} (0x80 for a G1 set). */
    private static Set<Character> doubleByte(String value, String escape, int high) {
        Set<Character> set = new LinkedHashSet<>();
        SpecificCharacterSet charset = SpecificCharacterSet.ofValue(value);
        byte[] prefix = escape.getBytes(StandardCharsets.ISO_8859_1);
        for (int first = 0x21; first <= 0x7E; first++) {
            for (int second = 0x21; second <= 0x7E; second++) {
                ByteArrayOutputStream code = new ByteArrayOutputStream();
                code.writeBytes(prefix);
                code.write(first | high);
                code.write(second | high);
                byte[] bytes = code.toByteArray();
                addDefined(set, charset.decode(bytes, 0, bytes.length, VR.LO));
            }
        }
        return set;
    }

    private static Set<Character> gbk() {
        Set<Character> set = new LinkedHashSet<>();
        SpecificCharacterSet charset = SpecificCharacterSet.of("GBK");
        for (int first = 0x81; first <= 0xFE; first++) {
            for (int second = 0x40; second <= 0xFE; second++) {
                if (second != 0x7F) {
                    addDefined(set, charset.decode(new byte[] {(byte) first, (byte) second}, 0, 2, VR.LO));
                }
            }
        }
        return set;
    }

    private static void addDefined(Set<Character> set, String decoded) {
        if (decoded.length() == 1 && decoded.charAt(0) != '\uFFFD' && decoded.charAt(0) >= 0x80) {
            set.add(decoded.charAt(0));
        }
    }
}
