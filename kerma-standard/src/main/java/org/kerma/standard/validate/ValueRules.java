package org.kerma.standard.validate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.kerma.dicom.VR;

/**
 * What one value of a string VR must satisfy (PS3.5 Section 6.2, Table 6.2-1): maximum length, character
 * repertoire and, for DA, TM, DT, AS, DS, IS and UI, format. Values arrive as {@code DicomObject} decodes them
 * (padding removed). Stateless.
 */
final class ValueRules {
    private static final Pattern CODE_STRING = Pattern.compile("[A-Z0-9 _]*");
    private static final Pattern AGE = Pattern.compile("[0-9]{3}[DWMY]");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
    private static final Pattern DATE = Pattern.compile("[0-9]{8}");
    private static final Pattern TIME = Pattern.compile("([0-9]{2})(([0-9]{2})(([0-9]{2})(\\.[0-9]{1,6})?)?)?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "([0-9]{4})(([0-9]{2})(([0-9]{2})(([0-9]{2})(([0-9]{2})(([0-9]{2})(\\.[0-9]{1,6})?)?)?)?)?)?([+-][0-9]{4})?");

    private ValueRules() {
    }

    /** The reason the value is invalid for its VR, or null when it is valid. An empty value is always valid. */
    static String check(VR vr, String value) {
        if (value.isEmpty()) {
            return null;
        }
        int max = maxLength(vr);
        if (vr == VR.PN) {
            for (String group : value.split("=", -1)) {
                if (group.length() > 64) {
                    return "a person name component group is longer than 64 characters";
                }
            }
        } else if (max > 0 && value.length() > max) {
            return "length " + value.length() + " exceeds " + max + " for " + vr;
        }
        return switch (vr) {
            case AE -> noControl(value, false) ? null : "control character in AE";
            case AS -> AGE.matcher(value).matches() ? null : "expected nnnD, nnnW, nnnM or nnnY";
            case CS -> CODE_STRING.matcher(value).matches() ? null
                    : "CS allows only upper-case letters, digits, space and underscore";
            case DS -> DECIMAL.matcher(value.trim()).matches() ? null : "not a decimal string";
            case IS -> integer(value.trim());
            case UI -> !UID.matcher(value).matches()
                    ? "a UID is numeric components without leading zeros, separated by dots"
                    : value.indexOf('.') < 0
                    ? "a UID is <org root>.<suffix>, at least two components (PS3.5 Section 9.1)"
                    : value.charAt(0) > '2' || (value.length() > 1 && value.charAt(1) != '.')
                    ? "a UID's first component (its ISO/IEC 8824 root arc, PS3.5 Section 9.1) is 0, 1 or 2" : null;
            case DA -> date(value);
            case TM -> time(value);
            case DT -> dateTime(value);
            case SH, LO, PN, UC -> noControl(value, false) ? null : "control character other than ESC in " + vr;
            case ST, LT, UT -> noControl(value, true) ? null : "control character other than ESC, TAB, LF, FF, CR";
            default -> null;
        };
    }

    /** The longest value PS3.5 allows, 0 when unbounded here (UC, UR, UT, binary VRs). */
    static int maxLength(VR vr) {
        return switch (vr) {
            case AE, CS, DS, SH -> 16;
            case AS -> 4;
            case DA -> 8;
            case DT -> 26;
            case IS -> 12;
            case LO, PN, UI -> 64;
            case LT -> 10240;
            case ST -> 1024;
            case TM -> 14;
            default -> 0;
        };
    }

    /**
     * Whether {@code count} values satisfy a VM as PS3.6 writes it ("1", "1-n", "2-2n", "1-3", "3-3n").
     * Unknown forms are accepted.
     */
    static boolean vmAllows(String vm, int count) {
        if (vm.length() == 1 && vm.charAt(0) >= '1' && vm.charAt(0) <= '9') { // "1", "2", ...: most of the dictionary
            return count == vm.charAt(0) - '0';
        }
        if (vm.equals("1-n")) {
            return count >= 1;
        }
        int[] v = VMS.computeIfAbsent(vm, ValueRules::parseVm);
        if (v == null || v.length == 0) {
            return true;
        }
        if (count < v[0]) {
            return false;
        }
        return v[1] >= 0 ? count <= v[1] : count % v[2] == 0;
    }

    /** Parsed VMs: {min, max} with max -1 for "n", then the step of "k-kn"; empty when unparseable. */
    private static final Map<String, int[]> VMS = new ConcurrentHashMap<>();

    private static int[] parseVm(String vm) {
        String[] parts = vm.split("-", 2);
        try {
            int min = Integer.parseInt(parts[0]);
            if (parts.length == 1) {
                return new int[] {min, min, 1};
            }
            String max = parts[1];
            if (max.equals("n")) {
                return new int[] {min, -1, 1};
            }
            if (max.endsWith("n")) {
                return new int[] {min, -1, Integer.parseInt(max.substring(0, max.length() - 1))};
            }
            return new int[] {min, Integer.parseInt(max), 1};
        } catch (NumberFormatException e) {
            return new int[0];
        }
    }

    private static String integer(String v) {
        if (!INTEGER.matcher(v).matches()) {
            return "not an integer string";
        }
        long n = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? null : "outside the range -2^31..2^31-1 of IS";
    }

    private static String date(String v) {
        if (!DATE.matcher(v).matches()) {
            return "expected YYYYMMDD";
        }
        return validDate(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
                Integer.parseInt(v.substring(6, 8))) ? null : "not a calendar date";
    }

    private static String time(String v) {
        var m = TIME.matcher(v);
        if (!m.matches()) {
            return "expected HH[MM[SS[.FFFFFF]]]";
        }
        return fieldsInRange(m.group(1), 23, m.group(3), 59, m.group(5), 60) ? null : "hour, minute or second out of range";
    }

    private static String dateTime(String v) {
        var m = DATE_TIME.matcher(v);
        if (!m.matches()) {
            return "expected YYYY[MM[DD[HH[MM[SS[.FFFFFF]]]]]][&ZZXX]";
        }
        if (m.group(3) != null && (Integer.parseInt(m.group(3)) < 1 || Integer.parseInt(m.group(3)) > 12)) {
            return "month out of range";
        }
        if (m.group(5) != null && !validDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(5)))) {
            return "not a calendar date";
        }
        return fieldsInRange(m.group(7), 23, m.group(9), 59, m.group(11), 60) ? null : "time of day out of range";
    }

    private static boolean fieldsInRange(String h, int maxH, String m, int maxM, String s, int maxS) {
        return (h == null || Integer.parseInt(h) <= maxH) && (m == null || Integer.parseInt(m) <= maxM)
                && (s == null || Integer.parseInt(s) <= maxS);
    }

    private static boolean validDate(int y, int m, int d) {
        if (m < 1 || m > 12 || d < 1) {
            return false;
        }
        int[] days = {31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31,
            30, 31};
        return d <= days[m - 1];
    }

    private static boolean noControl(String v, boolean text) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != 0x1B && !(text && (c == '\t' || c == '\n' || c == '\f' || c == '\r'))) {
                return false;
            }
        }
        return true;
    }
}
