package org.kerma.dicom;

import java.util.regex.Pattern;

/**
 * What a value set through {@link DicomObject}'s setters must satisfy to be valid for its VR (PS3.5 Table 6.2-1):
 * length, character repertoire and form. Reading is lenient (values are kept as found); setting is strict, so that
 * Kerma never creates an invalid object. Each failure is an {@link InvalidValueException} naming tag, VR and value.
 */
final class ValueChecks {
    private static final Pattern CODE_STRING = Pattern.compile("[A-Z0-9 _]*");
    private static final Pattern UID = Pattern.compile("[0-9.]*");
    private static final Pattern AGE = Pattern.compile("[0-9]{3}[DWMY]");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private ValueChecks() {
    }

    /** Checks one value (no backslash) of a string VR; an empty value is always valid. */
    static void check(int tag, VR vr, String value) {
        String v = ValueCodec.trim(value, vr);
        if (v.isEmpty()) {
            return;
        }
        checkLength(tag, vr, value);
        switch (vr) {
            case AE -> checkNoControl(tag, vr, value, true);
            case AS -> require(tag, vr, value, AGE.matcher(v).matches(), "expected nnnD, nnnW, nnnM or nnnY");
            case CS -> require(tag, vr, value, CODE_STRING.matcher(v).matches(),
                    "CS allows upper-case letters, digits, space and underscore");
            case UI -> require(tag, vr, value, UID.matcher(v).matches(), "a UID is digits and dots");
            case DS -> require(tag, vr, value, DECIMAL.matcher(v).matches(), "not a decimal number");
            case IS -> {
                require(tag, vr, value, INTEGER.matcher(v).matches(), "not an integer");
                long n = ValueCodec.parseInteger(tag, vr, v);
                require(tag, vr, value, n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE,
                        "outside the range -2^31..2^31-1 of IS");
            }
            case DA -> {
                require(tag, vr, value, v.length() == 8, "expected YYYYMMDD");
                ValueCodec.parseDate(tag, v);
            }
            case TM -> {
                require(tag, vr, value, v.indexOf(':') < 0, "expected HH[MM[SS[.FFFFFF]]]");
                ValueCodec.parseTime(tag, v);
            }
            case DT -> ValueCodec.parseDateTime(tag, v);
            case SH, LO, PN, UC -> checkNoControl(tag, vr, value, true);
            default -> {
            }
        }
    }

    private static void checkLength(int tag, VR vr, String value) {
        if (vr == VR.PN) {
            for (String group : value.split("=", -1)) {
                require(tag, vr, value, group.length() <= 64, "a PN component group is at most 64 characters");
            }
            return;
        }
        int max = vr.size();
        if (max > 0 && vr.kind() != VR.Kind.BINARY_NUMBER) {
            require(tag, vr, value, value.length() <= max, vr + " holds at most " + max + " characters, got "
                    + value.length());
        }
    }

    private static void checkNoControl(int tag, VR vr, String value, boolean allowEscape) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && !(allowEscape && c == 0x1B)) {
                throw new InvalidValueException(tag, vr, value, String.format("control character U+%04X", (int) c));
            }
        }
    }

    private static void require(int tag, VR vr, String value, boolean ok, String reason) {
        if (!ok) {
            throw new InvalidValueException(tag, vr, value, reason);
        }
    }
}
