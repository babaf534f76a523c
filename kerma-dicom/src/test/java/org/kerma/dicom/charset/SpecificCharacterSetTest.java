package org.kerma.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.SpecificCharacterSet;
import org.kerma.dicom.VR;

class SpecificCharacterSetTest {
    /** Patient Name of pydicom's chrH31.dcm (Clunie's SCSH31): ISO 2022 IR 87 in groups 2 and 3. */
    private static final String H31_NAME_HEX = "59616d6164615e5461726f753d1b24423b3345441b28425e1b244242404f3a1b28423d"
            + "1b24422464245e24401b28425e1b2442243f246d24261b2842";
    /** Patient Name of pydicom's chrH32.dcm (SCSH32): half-width katakana in group 1, then kanji and hiragana. */
    private static final String H32_NAME_HEX = "d4cfc0de5ec0dbb33d1b24423b3345441b284a5e1b244242404f3a1b284a3d"
            + "1b24422464245e24401b284a5e1b2442243f246d24261b284a";
    /** Patient Name of pydicom's chrI2.dcm (SCSI2): KS X 1001 hanja and hangul. */
    private static final String I2_NAME_HEX = "486f6e675e47696c646f6e673d1b242943fbf35e1b242943d1ced4d73d1b242943c8ab5e"
            + "1b242943b1e6b5bf";

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static String decode(SpecificCharacterSet charset, byte[] bytes, VR vr) {
        return charset.decode(bytes, 0, bytes.length, vr);
    }

    @Nested
    class Japanese {
        private final SpecificCharacterSet ir87 = SpecificCharacterSet.ofValue("\\ISO 2022 IR 87");

        @Test
        void decodesPersonNameWithThreeComponentGroups() {
            assertThat(decode(ir87, hex(H31_NAME_HEX), VR.PN)).isEqualTo("Yamada^Tarou=山田^太郎=やまだ^たろう");
        }

        @Test
        void encodesPersonNameWithThreeComponentGroupsAsTheSampleFileDoes() {
            assertThat(ir87.encode("Yamada^Tarou=山田^太郎=やまだ^たろう", VR.PN)).isEqualTo(hex(H31_NAME_HEX));
        }

        @Test
        void decodesHalfWidthKatakanaAndKanjiWithRomajiAsG0() {
            SpecificCharacterSet h32 = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87");

            assertThat(decode(h32, hex(H32_NAME_HEX), VR.PN)).isEqualTo("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");
            assertThat(h32.encode("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", VR.PN)).isEqualTo(hex(H32_NAME_HEX));
        }

        @Test
        void readsKanjiWhoseBytesLookLikeDelimitersAsKanji() {
            // 住 is JIS X 0208 0x3D3B ('=' ';'), 怒 is 0x455C ('E' '\')
            byte[] name = bytes("\u001b$B", 0x3B, 0x33, "\u001b(B^\u001b$B", 0x3D, 0x3B, "\u001b(B");
            byte[] values = bytes("\u001b$B", 0x45, 0x5C, "\u001b(B\\A");

            assertThat(decode(ir87, name, VR.PN)).isEqualTo("山^住");
            assertThat(decode(ir87, values, VR.LO)).isEqualTo("怒\\A");
        }

        @Test
        void readsSupplementaryKanjiOfJisX0212() {
            SpecificCharacterSet charset = SpecificCharacterSet.ofValue("\\ISO 2022 IR 87\\ISO 2022 IR 159");
            byte[] value = bytes("\u001b$(D", 0x30, 0x21, "\u001b$B", 0x3B, 0x33, "\u001b(B");

            assertThat(decode(charset, value, VR.LO)).isEqualTo("丂山");
            assertThat(charset.encode("丂山", VR.LO)).isEqualTo(value);
        }

        @Test
        void returnsToAsciiAtLineEndsOfText() {
            byte[] encoded = ir87.encode("山田\r\n太郎", VR.LT);

            assertThat(encoded).isEqualTo(bytes("\u001b$B", 0x3B, 0x33, 0x45, 0x44, "\u001b(B\r\n\u001b$B", 0x42, 0x40,
                    0x4F, 0x3A, "\u001b(B"));
            assertThat(decode(ir87, encoded, VR.LT)).isEqualTo("山田\r\n太郎");
        }

        @Test
        void readsHorizontalBarAsPythonAndUnicodeJisTablesDo() {
            assertThat(decode(ir87, bytes("\u001b$B", 0x21, 0x3D, "\u001b(B"), VR.LO)).isEqualTo("\u2015");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 13"), hex("815c"), VR.LO)).isEqualTo("\u2015");
        }

        @Test
        void readsShiftJisKanjiUnderIsoIr13AsPydicomDoes() {
            // Real files put Shift_JIS under "ISO_IR 13"; pydicom reads it with Python's shift_jis.
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 13"), hex("8e52b5dd"), VR.LO)).isEqualTo("山ｵﾝ");
        }
    }

    @Nested
    class Korean {
        private final SpecificCharacterSet ir149 = SpecificCharacterSet.ofValue("\\ISO 2022 IR 149");

        @Test
        void decodesPersonNameOfIsoIr149() {
            assertThat(decode(ir149, hex(I2_NAME_HEX), VR.PN)).isEqualTo("Hong^Gildong=洪^吉洞=홍^길동");
        }

        @Test
        void encodesPersonNameOfIsoIr149AsTheSampleFileDoes() {
            assertThat(ir149.encode("Hong^Gildong=洪^吉洞=홍^길동", VR.PN)).isEqualTo(hex(I2_NAME_HEX));
        }

        @Test
        void designatesKoreanAgainAfterEachDelimiter() {
            byte[] encoded = ir149.encode("김\\희중", VR.LO);

            assertThat(encoded).isEqualTo(hex("1b242943b1e85c1b242943c8f1c1df"));
        }
    }

    @Nested
    class Chinese {
        @Test
        void decodesGb18030() {
            SpecificCharacterSet gb18030 = SpecificCharacterSet.of("GB18030");
            byte[] name = hex("57616e675e5869616f446f6e673dcdf55ed0a1b6ab3d");

            assertThat(decode(gb18030, name, VR.PN)).isEqualTo("Wang^XiaoDong=王^小东=");
            assertThat(gb18030.encode("Wang^XiaoDong=王^小东=", VR.PN)).isEqualTo(name);
        }

        @Test
        void encodesCharactersOutsideTheBmpInGb18030() {
            SpecificCharacterSet gb18030 = SpecificCharacterSet.of("GB18030");
            String value = "𠀀 and 😀";

            byte[] encoded = gb18030.encode(value, VR.LO);

            assertThat(decode(gb18030, encoded, VR.LO)).isEqualTo(value);
        }

        @Test
        void decodesAndEncodesGb2312ThroughIsoIr58() {
            SpecificCharacterSet ir58 = SpecificCharacterSet.ofValue("\\ISO 2022 IR 58");
            byte[] name = hex("5a68616e675e53616e3d1b242941d5c55e1b242941c8fd");

            assertThat(decode(ir58, name, VR.PN)).isEqualTo("Zhang^San=张^三");
            assertThat(ir58.encode("Zhang^San=张^三", VR.PN)).isEqualTo(name);
        }

        @Test
        void keepsAGbkTrailByteOf5cInsideItsCharacter() {
            // 乗 is GBK 0x815C: the 0x5C is not a value separator (PS3.5 section 6.1.2.3)
            assertThat(decode(SpecificCharacterSet.of("GBK"), hex("815c5c41"), VR.LO)).isEqualTo("乗\\A");
        }
    }

    @Nested
    class Unicode {
        private final SpecificCharacterSet utf8 = SpecificCharacterSet.of("ISO_IR 192");

        @Test
        void decodesUtf8() {
            byte[] name = hex("57616e675e5869616f446f6e673de78e8b5ee5b08fe69db13d20");

            assertThat(decode(utf8, name, VR.PN)).isEqualTo("Wang^XiaoDong=王^小東= ");
        }

        @Test
        void encodesUtf8() {
            assertThat(utf8.encode("Ærøskøbing^😀", VR.PN))
                    .isEqualTo("Ærøskøbing^😀".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void ignoresTermsAfterAStandAloneValue1() {
            SpecificCharacterSet charset = SpecificCharacterSet.of("ISO_IR 192", "ISO 2022 IR 87");

            assertThat(decode(charset, hex("e5b1b1"), VR.LO)).isEqualTo("山");
            assertThat(charset.unknownTerms()).isEmpty();
        }
    }

    @Nested
    class SingleByte {
        @Test
        void decodesEachSingleByteSetThroughItsIsoStandard() {
            byte[] e9 = {(byte) 0xE9};
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 100"), e9, VR.LO)).isEqualTo("é");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 101"), e9, VR.LO)).isEqualTo("é");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 109"), hex("c5"), VR.LO)).isEqualTo("Ċ");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 110"), hex("a1"), VR.LO)).isEqualTo("Ą");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 144"), hex("bbeeda"), VR.LO)).isEqualTo("Люк");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 127"), hex("c7"), VR.LO)).isEqualTo("ا");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 126"), hex("c4e9"), VR.LO)).isEqualTo("Δι");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 138"), hex("f9"), VR.LO)).isEqualTo("ש");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 148"), hex("dd"), VR.LO)).isEqualTo("İ");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 203"), hex("a4"), VR.LO)).isEqualTo("€");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 166"), hex("a1"), VR.LO)).isEqualTo("ก");
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 13"), hex("b1"), VR.LO)).isEqualTo("ｱ");
        }

        @Test
        void readsThaiA0AsUndefinedAsTis620AndPydicomDo() {
            SpecificCharacterSet thai = SpecificCharacterSet.of("ISO_IR 166");

            assertThat(decode(thai, hex("a0a1"), VR.LO)).isEqualTo("\uFFFDก");
            assertThat(decode(SpecificCharacterSet.of("ISO 2022 IR 166"), hex("1b2d54a0a1"), VR.LO))
                    .isEqualTo("\uFFFDก");
            assertThatThrownBy(() -> thai.encode("\u00A0", VR.LO)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void switchesBetweenSingleByteSetsWithEscapes() {
            SpecificCharacterSet charset = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 126");

            byte[] encoded = charset.encode("é α é", VR.LO);

            assertThat(encoded).isEqualTo(hex("e9201b2d46e1201b2d41e9"));
            assertThat(decode(charset, encoded, VR.LO)).isEqualTo("é α é");
        }

        @Test
        void returnsToValue1SetAfterAValueSeparator() {
            SpecificCharacterSet charset = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 126");

            assertThat(decode(charset, hex("1b2d46e15ce1"), VR.LO)).isEqualTo("α\\á");
            assertThat(decode(charset, hex("1b2d46e15ce1"), VR.LT)).isEqualTo("α\\α");
        }
    }

    @Nested
    class Fallbacks {
        @Test
        void readsBytesAbove7fOfTheDefaultRepertoireAsLatin1() {
            assertThat(decode(SpecificCharacterSet.DEFAULT, hex("4ae972f46d65"), VR.PN)).isEqualTo("Jérôme");
        }

        @Test
        void readsAnUnknownValue1AsTheDefaultRepertoireWithLatin1Fallback() {
            SpecificCharacterSet charset = SpecificCharacterSet.of("ISO_IR 999");

            assertThat(decode(charset, hex("4ae972f46d65"), VR.PN)).isEqualTo("Jérôme");
        }

        @Test
        void keepsUnknownTermsInUnknownTerms() {
            SpecificCharacterSet charset = SpecificCharacterSet.ofValue("ISO_IR 100\\KLINGON\\ISO 2022 IR 87 ");

            assertThat(charset.terms()).containsExactly("ISO_IR 100", "KLINGON", "ISO 2022 IR 87");
            assertThat(charset.unknownTerms()).containsExactly("KLINGON");
            assertThat(charset.isDefault()).isFalse();
        }

        @Test
        void readsMisspelledTermsAsTheTermTheyMeanButReportsThem() {
            SpecificCharacterSet charset = SpecificCharacterSet.of("ISO IR 100");

            assertThat(decode(charset, hex("e9"), VR.LO)).isEqualTo("é");
            assertThat(charset.encode("é", VR.LO)).isEqualTo(hex("e9"));
            assertThat(charset.unknownTerms()).containsExactly("ISO IR 100");
            assertThat(decode(SpecificCharacterSet.ofValue("\\ISO_2022_IR_87"), hex(H31_NAME_HEX), VR.PN))
                    .isEqualTo("Yamada^Tarou=山田^太郎=やまだ^たろう");
        }

        @Test
        void keepsAnUndeclaredEscapeAsTextAndReturnsToValue1() {
            // ESC $ B without ISO 2022 IR 87 declared: pydicom keeps the escape and reads on with Value 1.
            SpecificCharacterSet charset = SpecificCharacterSet.of("ISO_IR 100");

            assertThat(decode(charset, hex("411b2442e9"), VR.LO)).isEqualTo("A\u001b$Bé");
        }

        @Test
        void replacesMalformedBytesInsteadOfThrowing() {
            assertThat(decode(SpecificCharacterSet.of("ISO_IR 192"), hex("41ff42"), VR.LO)).isEqualTo("A\uFFFDB");
            assertThat(decode(SpecificCharacterSet.ofValue("\\ISO 2022 IR 87"), hex("1b244230"), VR.LO))
                    .isEqualTo("\uFFFD");
        }
    }

    @Nested
    class Encoding {
        @Test
        void refusesAnUnencodableCharacterNamingItAndTheCharacterSet() {
            SpecificCharacterSet charset = SpecificCharacterSet.of("ISO_IR 100");

            assertThatThrownBy(() -> charset.encode("Smith^Ωmega", VR.PN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'Ω' (U+03A9)")
                    .hasMessageContaining("index 6")
                    .hasMessageContaining("Specific Character Set 'ISO_IR 100'");
        }

        @Test
        void refusesNonAsciiInTheDefaultRepertoire() {
            assertThatThrownBy(() -> SpecificCharacterSet.DEFAULT.encode("Jérôme", VR.PN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'é' (U+00E9)");
        }

        @Test
        void refusesHalfWidthKatakanaInAKoreanCodeExtension() {
            SpecificCharacterSet charset = SpecificCharacterSet.ofValue("\\ISO 2022 IR 149");

            assertThatThrownBy(() -> charset.encode("山ｱ", VR.LO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'ｱ' (U+FF71) at index 1")
                    .hasMessageContaining("'\\ISO 2022 IR 149'");
        }

        @Test
        void refusesEscAsACharacter() {
            assertThatThrownBy(() -> SpecificCharacterSet.of("ISO_IR 192").encode("a\u001bb", VR.LO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("U+001B");
        }

        @Test
        void refusesNonAsciiInVrsThatAreNotCharsetDependent() {
            assertThatThrownBy(() -> SpecificCharacterSet.of("ISO_IR 192").encode("Ä", VR.CS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("VR CS");
        }
    }

    @Nested
    class Properties {
        @Test
        void defaultIsTheEmptyValue() {
            assertThat(SpecificCharacterSet.DEFAULT.terms()).isEmpty();
            assertThat(SpecificCharacterSet.DEFAULT.isDefault()).isTrue();
            assertThat(SpecificCharacterSet.ofValue("")).isSameAs(SpecificCharacterSet.DEFAULT);
            assertThat(SpecificCharacterSet.ofValue(null)).isSameAs(SpecificCharacterSet.DEFAULT);
            assertThat(SpecificCharacterSet.of()).isSameAs(SpecificCharacterSet.DEFAULT);
            assertThat(SpecificCharacterSet.of("ISO_IR 6").isDefault()).isTrue();
            assertThat(SpecificCharacterSet.of("ISO 2022 IR 6").isDefault()).isTrue();
            assertThat(SpecificCharacterSet.of("ISO_IR 100").isDefault()).isFalse();
        }

        @Test
        void keepsAnEmptyValue1BeforeCodeExtensions() {
            SpecificCharacterSet charset = SpecificCharacterSet.ofValue("\\ISO 2022 IR 87");

            assertThat(charset.terms()).containsExactly("", "ISO 2022 IR 87");
            assertThat(charset.toString()).isEqualTo("\\ISO 2022 IR 87");
            assertThat(charset).isEqualTo(SpecificCharacterSet.of("", "ISO 2022 IR 87"));
            assertThat(charset.hashCode()).isEqualTo(SpecificCharacterSet.of("", "ISO 2022 IR 87").hashCode());
        }

        @Test
        void isAsciiCompatibleUnlessG0CanLeaveAscii() {
            assertThat(SpecificCharacterSet.DEFAULT.isAsciiCompatible()).isTrue();
            assertThat(SpecificCharacterSet.of("ISO_IR 100").isAsciiCompatible()).isTrue();
            assertThat(SpecificCharacterSet.of("ISO_IR 192").isAsciiCompatible()).isTrue();
            assertThat(SpecificCharacterSet.of("GB18030").isAsciiCompatible()).isTrue();
            assertThat(SpecificCharacterSet.ofValue("\\ISO 2022 IR 149").isAsciiCompatible()).isTrue();
            assertThat(SpecificCharacterSet.ofValue("\\ISO 2022 IR 87").isAsciiCompatible()).isFalse();
            assertThat(SpecificCharacterSet.of("ISO_IR 13").isAsciiCompatible()).isFalse();
        }

        @Test
        void decodesOnlyTheGivenRange() {
            byte[] buffer = hex("ffff4ae9ffff");

            assertThat(SpecificCharacterSet.of("ISO_IR 100").decode(buffer, 2, 2, VR.PN)).isEqualTo("Jé");
            assertThatThrownBy(() -> SpecificCharacterSet.DEFAULT.decode(buffer, 5, 2, VR.PN))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void decodesVrsThatAreNotCharsetDependentAsLatin1() {
            SpecificCharacterSet charset = SpecificCharacterSet.ofValue("\\ISO 2022 IR 87");

            assertThat(decode(charset, hex("1b2442e9"), VR.CS)).isEqualTo("\u001b$Bé");
        }
    }

    /** Concatenates strings (as ISO 8859-1) and single bytes. */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String) {
                out.writeBytes(((String) part).getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
