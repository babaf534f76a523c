package org.kerma.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kerma.dicom.SpecificCharacterSet;
import org.kerma.dicom.VR;

/**
 * Values on which pydicom 2.3 departs from the standard, and where Kerma follows the standard. pydicom's readings
 * are generated ({@code charset_fixtures.py --disagreements}), so each test also proves that pydicom still reads
 * the value differently. None of these occur in pydicom's charset sample files.
 */
class PydicomDisagreementTest {
    private static final String RESOURCE = "/org/kerma/dicom/charset/pydicom-disagreements.tsv";

    record StandardReading(String value, String reason) {
    }

    private static final Map<String, StandardReading> STANDARD = Map.of(
            "iso-2022-ir-58-escape-kept", new StandardReading("Zhang^San=张^三",
                    "an escape sequence is a control function, not text (PS3.5 6.1.2.5); pydicom passes ESC $ ) A "
                            + "to Python's gb2312 codec, which keeps it"),
            "kanji-with-equals-byte", new StandardReading("山^住",
                    "'=' delimits only as a single byte in G0; here 0x3D is the first byte of JIS X 0208 0x3D3B"),
            "kanji-with-backslash-byte", new StandardReading("怒",
                    "only a single byte 05/12 separates values (PS3.5 6.1.2.3); 0x5C is half of JIS X 0208 0x455C"),
            "gbk-trail-byte-5c", new StandardReading("乗\\A",
                    "only a character that encodes as the single byte 05/12 is a separator (PS3.5 6.1.2.3)"),
            "g1-kept-after-esc-to-ascii", new StandardReading("김희중",
                    "ESC ( B designates G0 only (ISO/IEC 2022); KS X 1001 stays in G1 until a delimiter"),
            "iso-ir-203-latin-9", new StandardReading("€œ",
                    "ISO_IR 203 is a Defined Term (PS3.3 Table C.12-2), Latin alphabet No. 9; pydicom 2.3 lacks it"),
            "iso-2022-ir-203-latin-9", new StandardReading("€",
                    "ISO 2022 IR 203 is a Defined Term (PS3.3 Table C.12-3), designated by ESC - b"),
            "gb18030-current-edition", new StandardReading("\u1E3F\uFE10",
                    "GB 18030 is an undated reference, so its current edition: 0xA8BC is U+1E3F (2005), 0xA6D9 is "
                            + "U+FE10 (2022); Python keeps the private-use code points of the 2000 edition"),
            "utf-8-takes-no-escapes", new StandardReading("\u001B(Bé",
                    "ISO_IR 192 forbids code extensions (PS3.5 6.1.2.5.4), so ESC is just a byte; pydicom strips "
                            + "ESC ( B and reads the rest as Latin-1"));

    record Case(String name, VR vr, String characterSet, byte[] raw, String pydicomValue) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return loadCases().stream();
    }

    @Test
    void everyGeneratedCaseHasAStandardReading() {
        assertThat(loadCases().stream().map(Case::name).collect(Collectors.toSet()))
                .isEqualTo(STANDARD.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsAsTheStandardSaysWherePydicomDoesNot(Case c) {
        StandardReading standard = STANDARD.get(c.name());
        SpecificCharacterSet charset = SpecificCharacterSet.ofValue(c.characterSet());

        String decoded = charset.decode(c.raw(), 0, c.raw().length, c.vr());

        assertThat(c.pydicomValue()).as("pydicom's reading, which should differ: " + standard.reason())
                .isNotEqualTo(standard.value());
        assertThat(PydicomDecodedTest.asPydicomPresents(decoded, c.vr())).as(standard.reason())
                .isEqualTo(standard.value());
    }

    private static List<Case> loadCases() {
        try (InputStream in = PydicomDisagreementTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Case> cases = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("case\t")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                cases.add(new Case(f[0], VR.valueOf(f[1]), f[2], HexFormat.of().parseHex(f[3]),
                        PydicomDecodedTest.unescape(f[4])));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
