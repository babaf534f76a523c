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
 * Kerma decodes every character-set-dependent element of pydicom's charset sample files to the string pydicom
 * gives. The rows come from {@code src/test/python/charset_fixtures.py} (see its header for the pydicom version).
 */
class PydicomDecodedTest {
    private static final String RESOURCE = "/org/kerma/dicom/charset/pydicom-decoded.tsv";

    /**
     * Rows where pydicom is wrong by the standard, keyed "file tag_path", with the reason and the standard's answer.
     * Empty: on these files pydicom and the standard agree. Differences found elsewhere are pinned in
     * {@link PydicomDisagreementTest}.
     */
    private static final Map<String, Disagreement> PYDICOM_WRONG = Map.of();

    record Disagreement(String reason, String standardValue) {
    }

    record Row(String file, String tagPath, VR vr, String characterSet, byte[] raw, String pydicomValue) {
        String key() {
            return file + " " + tagPath;
        }

        @Override
        public String toString() {
            return key() + " " + vr + " [" + characterSet + "]";
        }
    }

    static Stream<Row> rows() {
        return loadRows().stream();
    }

    @Test
    void fixtureCoversEveryCharsetSampleAndVr() {
        List<Row> rows = loadRows();
        assertThat(rows.stream().map(Row::file).distinct()).hasSize(17);
        assertThat(rows.stream().map(Row::vr).collect(Collectors.toSet()))
                .contains(VR.SH, VR.LO, VR.LT, VR.PN);
        assertThat(rows).filteredOn(row -> row.raw().length > 0).hasSizeGreaterThan(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decodesAsPydicomDoes(Row row) {
        SpecificCharacterSet charset = SpecificCharacterSet.ofValue(row.characterSet());

        String decoded = charset.decode(row.raw(), 0, row.raw().length, row.vr());

        Disagreement disagreement = PYDICOM_WRONG.get(row.key());
        String expected = disagreement == null ? row.pydicomValue() : disagreement.standardValue();
        assertThat(asPydicomPresents(decoded, row.vr())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void encodesBackToTheSameText(Row row) {
        SpecificCharacterSet charset = SpecificCharacterSet.ofValue(row.characterSet());
        String decoded = charset.decode(row.raw(), 0, row.raw().length, row.vr());

        byte[] encoded = charset.encode(decoded, row.vr());

        assertThat(charset.decode(encoded, 0, encoded.length, row.vr())).isEqualTo(decoded);
    }

    /**
     * pydicom's value model on top of the decoding: trailing spaces and NULs go (per value for SH, LO and UC; for
     * the whole value of PN, ST, LT and UT), and a PN value loses its trailing empty component groups.
     */
    static String asPydicomPresents(String decoded, VR vr) {
        if (vr == VR.PN) {
            List<String> names = new ArrayList<>();
            for (String name : stripTrailingPadding(decoded).split("\\\\", -1)) {
                names.add(name.replaceAll("=+$", ""));
            }
            return String.join("\\", names);
        }
        if (vr.isMultiValuedString()) {
            List<String> values = new ArrayList<>();
            for (String value : decoded.split("\\\\", -1)) {
                values.add(stripTrailingPadding(value));
            }
            return String.join("\\", values);
        }
        return stripTrailingPadding(decoded);
    }

    private static String stripTrailingPadding(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    static List<Row> loadRows() {
        try (InputStream in = PydicomDecodedTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.startsWith("#") || line.startsWith("file\t")) {
                    continue;
                }
                rows.add(parse(line, number));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Row parse(String line, int number) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalStateException(RESOURCE + " line " + number + ": expected 6 fields, found " + f.length);
        }
        return new Row(f[0], f[1], VR.valueOf(f[2]), f[3], HexFormat.of().parseHex(f[4]), unescape(f[5]));
    }

    /** Undoes the escaping of charset_fixtures.py: \\ \t \n \r \\uXXXX. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case '\\': out.append('\\'); break;
                case 't': out.append('\t'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 'u':
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                default: throw new IllegalArgumentException("bad escape \\" + next + " in " + s);
            }
        }
        return out.toString();
    }
}
