package org.kerma.standard.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;

class RawValueCheckTest {
    private static final List<VR> VRS = List.of(VR.CS, VR.AE, VR.SH, VR.LO, VR.DS, VR.IS, VR.UI, VR.DA, VR.TM);

    /** The values as the decoding check sees them: split at backslashes, padding spaces (and NULs) removed. */
    private static List<String> decoded(VR vr, String raw) {
        return Arrays.stream(raw.split("\\\\", -1)).map(v -> {
            String t = v.replaceAll("[ \\x00]+$", "");
            return vr == VR.UI || vr == VR.DA || vr == VR.TM ? t : t.replaceAll("^ +", "");
        }).toList();
    }

    private static void assertAcceptsOnlyWhatTheDecodingCheckAccepts(VR vr, String raw) {
        int count = RawValueCheck.acceptedValueCount(vr, raw.getBytes(StandardCharsets.ISO_8859_1));
        if (count != RawValueCheck.UNDECIDED) {
            List<String> values = decoded(vr, raw.replaceAll("[ \\x00]+$", ""));
            assertThat(values).as("%s '%s'", vr, raw).hasSize(count)
                    .allSatisfy(v -> assertThat(ValueRules.check(vr, v)).as("%s '%s'", vr, v).isNull());
        }
    }

    @Test
    void acceptsCommonValidValuesWithTheirCount() {
        assertThat(RawValueCheck.acceptedValueCount(VR.CS, "ORIGINAL\\PRIMARY ".getBytes())).isEqualTo(2);
        assertThat(RawValueCheck.acceptedValueCount(VR.UI, "1.2.840.10008.1.2.1\0".getBytes())).isEqualTo(1);
        assertThat(RawValueCheck.acceptedValueCount(VR.DS, " -1.5e3\\0.25 ".getBytes())).isEqualTo(2);
        assertThat(RawValueCheck.acceptedValueCount(VR.DA, "20240228\\99990101".getBytes())).isEqualTo(2);
        assertThat(RawValueCheck.acceptedValueCount(VR.TM, "235959.123456".getBytes())).isEqualTo(1);
        assertThat(RawValueCheck.acceptedValueCount(VR.LO, "Siemens Healthineers".getBytes())).isEqualTo(1);
    }

    @Test
    void leavesInvalidOrDoubtfulValuesToTheDecodingCheck() {
        for (String[] c : new String[][] {{"CS", "original"}, {"UI", "1.02.3"}, {"UI", "3.1"}, {"UI", "1..2"},
                {"DS", "1-2"}, {"DS", "."}, {"IS", "2147483648"}, {"DA", "20240230"}, {"DA", "2024013"},
                {"TM", "2400"}, {"LO", "Müller"}, {"SH", "tab\there"}, {"DT", "20240101"}}) {
            assertThat(RawValueCheck.acceptedValueCount(VR.valueOf(c[0]), c[1].getBytes(StandardCharsets.UTF_8)))
                    .as("%s '%s'", c[0], c[1]).isEqualTo(RawValueCheck.UNDECIDED);
        }
    }

    @Test
    void readsAsciiValuesAsTheDecoderDoes() {
        Random random = new Random(7);
        String alphabet = "AZ09 ._-^";
        List<VR> vrs = List.of(VR.CS, VR.SH, VR.LO, VR.DS, VR.UI, VR.DA, VR.TM);
        for (int n = 0; n < 20_000; n++) {
            VR vr = vrs.get(random.nextInt(vrs.size()));
            String[] values = new String[1 + random.nextInt(3)];
            for (int v = 0; v < values.length; v++) {
                char[] chars = new char[random.nextInt(8)];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                values[v] = new String(chars);
            }
            DicomObject item = new DicomObject();
            item.putString(Tag.Modality, vr, values);
            byte[] raw = (byte[]) item.findValue(Tag.Modality).orElseThrow();
            assertThat(RawValueCheck.asciiValues(vr, raw)).as("%s %s", vr, Arrays.toString(values))
                    .isEqualTo(item.strings(Tag.Modality));
        }
        assertThat(RawValueCheck.asciiValues(VR.LO, "M\u00fcller".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(RawValueCheck.asciiValues(VR.LT, "text".getBytes(StandardCharsets.US_ASCII))).isNull();
    }

    @Test
    void neverAcceptsARandomValueTheDecodingCheckRejects() {
        Random random = new Random(20240101);
        String alphabet = "0123456789.+-eE ABCZ_az\\\u0000\u00e9\t";
        for (int n = 0; n < 200_000; n++) {
            VR vr = VRS.get(random.nextInt(VRS.size()));
            char[] chars = new char[1 + random.nextInt(18)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('0' + random.nextInt(10));
            }
            assertAcceptsOnlyWhatTheDecodingCheckAccepts(vr, new String(chars));
        }
    }
}
