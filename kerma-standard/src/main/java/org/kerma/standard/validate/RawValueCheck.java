package org.kerma.standard.validate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.VR;

/**
 * A fast acceptance test of a string element's raw bytes, without decoding them: for the VRs whose valid values are
 * ASCII (CS, DS, IS, UI, DA, TM) and for AE, SH and LO values that happen to be printable ASCII, decides that every
 * value is valid by the rules of {@link ValueRules} and counts the values. It only accepts; anything it is not sure
 * of (another VR, a character outside its set, a format it does not parse, a value near a limit) is left to the
 * decoding check, which gives the reason. Stateless.
 */
final class RawValueCheck {
    static final int UNDECIDED = -1;

    private RawValueCheck() {
    }

    /** The number of values when all are certainly valid for {@code vr}; {@link #UNDECIDED} otherwise. */
    static int acceptedValueCount(VR vr, byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == ' ' || (vr == VR.UI && bytes[end - 1] == 0))) {
            end--;
        }
        if (end == 0) {
            return UNDECIDED;
        }
        int count = 0;
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || bytes[i] == '\\') {
                if (!accepts(vr, bytes, start, i)) {
                    return UNDECIDED;
                }
                count++;
                start = i + 1;
            }
        }
        return count;
    }

    /**
     * The values of an element of a VR whose values are backslash-separated and ASCII when valid (AE, AS, CS, DA, DS,
     * DT, IS, LO, SH, TM, UI), read without the character set when every byte is printable ASCII, with padding
     * removed as {@code DicomObject.strings} removes it; null otherwise (another VR, or a byte that needs the
     * character set), and the caller decodes.
     */
    static List<String> asciiValues(VR vr, byte[] b) {
        boolean leading;
        switch (vr) {
            case AE, AS, CS, DS, IS, LO, SH -> leading = true;
            case DA, DT, TM, UI -> leading = false;
            default -> {
                return null;
            }
        }
        for (byte x : b) {
            if ((x < 0x20 && x != 0) || x == 0x7F || x < 0) {
                return null;
            }
        }
        if (b.length == 0) {
            return List.of();
        }
        List<String> values = new ArrayList<>(2);
        int start = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i == b.length || b[i] == '\\') {
                int from = start;
                int to = i;
                while (to > from && (b[to - 1] == ' ' || b[to - 1] == 0)) {
                    to--;
                }
                while (leading && from < to && b[from] == ' ') {
                    from++;
                }
                values.add(new String(b, from, to - from, StandardCharsets.US_ASCII));
                start = i + 1;
            }
        }
        return values;
    }

    /**
     * The first value of a string element as {@link #asciiValues} reads it when it can, else as
     * {@code DicomObject.getString} decodes it; {@code otherwise} when absent or empty.
     */
    static String firstValue(DicomObject item, int tag, String otherwise) {
        int index = item.indexOf(tag);
        if (index < 0) {
            return otherwise;
        }
        if (item.valueAt(index) instanceof byte[] raw) {
            List<String> values = asciiValues(item.vrAt(index), raw);
            if (values != null) {
                return values.isEmpty() ? otherwise : values.get(0);
            }
        }
        return item.getString(tag, otherwise);
    }

    private static boolean accepts(VR vr, byte[] b, int from, int to) {
        return switch (vr) {
            case CS -> to - from <= 16 && all(b, from, to, RawValueCheck::codeStringByte);
            case AE -> to - from <= 16 && all(b, from, to, c -> c >= 0x20 && c < 0x7F && c != '\\');
            case SH -> to - from <= 16 && all(b, from, to, c -> c >= 0x20 && c < 0x7F && c != '\\');
            case LO -> to - from <= 64 && all(b, from, to, c -> c >= 0x20 && c < 0x7F && c != '\\');
            case DS -> to - from <= 16 && decimal(b, trimStart(b, from, to), trimEnd(b, from, to));
            case IS -> to - from <= 12 && integer(b, trimStart(b, from, to), trimEnd(b, from, to));
            case UI -> to - from <= 64 && uid(b, from, to);
            case DA -> to - from == 8 && digits(b, from, to) && date(b, from);
            case TM -> time(b, from, to);
            default -> false;
        };
    }

    private interface BytePredicate {
        boolean test(int c);
    }

    private static boolean all(byte[] b, int from, int to, BytePredicate p) {
        for (int i = from; i < to; i++) {
            if (!p.test(b[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean codeStringByte(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '_';
    }

    private static boolean digits(byte[] b, int from, int to) {
        return from < to && all(b, from, to, c -> c >= '0' && c <= '9');
    }

    private static int trimStart(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        return from;
    }

    private static int trimEnd(byte[] b, int from, int to) {
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        return to;
    }

    /** [+-]? (digits [.digits?] | .digits) ([eE][+-]?digits)? */
    private static boolean decimal(byte[] b, int i, int to) {
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        int mantissa = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
            mantissa++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                i++;
                mantissa++;
            }
        }
        if (mantissa == 0) {
            return false;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            return digits(b, i, to);
        }
        return i == to;
    }

    /** At most nine digits, so always within the range of IS. */
    private static boolean integer(byte[] b, int i, int to) {
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        return to - i <= 9 && digits(b, i, to);
    }

    /** Two or more components of digits without leading zeros separated by single dots; the first 0, 1 or 2. */
    private static boolean uid(byte[] b, int from, int to) {
        if (to - from < 3 || b[from] > '2' || b[from + 1] != '.') {
            return false;
        }
        int componentStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == '.') {
                if (i == componentStart || (b[componentStart] == '0' && i - componentStart > 1)) {
                    return false;
                }
                componentStart = i + 1;
            } else if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** YYYYMMDD with month 01-12 and day 01-28 (later days are left to the calendar check). */
    private static boolean date(byte[] b, int from) {
        int month = (b[from + 4] - '0') * 10 + (b[from + 5] - '0');
        int day = (b[from + 6] - '0') * 10 + (b[from + 7] - '0');
        return month >= 1 && month <= 12 && day >= 1 && day <= 28;
    }

    /** HH[MM[SS[.F{1,6}]]] with hour below 24, minute and second below 60. */
    private static boolean time(byte[] b, int from, int to) {
        int n = to - from;
        if (n != 2 && n != 4 && n != 6 && (n < 8 || n > 13)) {
            return false;
        }
        if (!digits(b, from, from + Math.min(n, 6))) {
            return false;
        }
        if (n >= 8 && (b[from + 6] != '.' || !digits(b, from + 7, to))) {
            return false;
        }
        int hour = (b[from] - '0') * 10 + (b[from + 1] - '0');
        int minute = n >= 4 ? (b[from + 2] - '0') * 10 + (b[from + 3] - '0') : 0;
        int second = n >= 6 ? (b[from + 4] - '0') * 10 + (b[from + 5] - '0') : 0;
        return hour < 24 && minute < 60 && second < 60;
    }
}
