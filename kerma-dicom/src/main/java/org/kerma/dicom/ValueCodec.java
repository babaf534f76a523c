package org.kerma.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between value bytes (little endian for binary VRs) and typed values, per VR. Every failure names the tag,
 * the VR and the text through {@link InvalidValueException}.
 */
final class ValueCodec {
    private ValueCodec() {
    }

    // ---- strings -----------------------------------------------------------------------------------------------

    /** Decodes a string value and splits it into its values (one for TEXT VRs), trimmed per VR. */
    static List<String> strings(byte[] bytes, VR vr, SpecificCharacterSet charset) {
        String text = vr.charsetDependent()
                ? charset.decode(bytes, 0, bytes.length, vr)
                : new String(bytes, StandardCharsets.ISO_8859_1);
        if (!vr.isMultiValuedString()) {
            return List.of(trim(text, vr));
        }
        List<String> values = new ArrayList<>(2);
        int start = 0;
        int at;
        while ((at = text.indexOf('\\', start)) >= 0) {
            values.add(trim(text.substring(start, at), vr));
            start = at + 1;
        }
        values.add(trim(text.substring(start), vr));
        return values;
    }

    /**
     * Removes padding and insignificant spaces: leading and trailing for AE, AS, CS, DS, IS, LO, SH (PS3.5 Table
     * 6.2-1); trailing spaces and NULs for the others.
     */
    static String trim(String s, VR vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        int start = 0;
        switch (vr) {
            case AE: case AS: case CS: case DS: case IS: case LO: case SH:
                while (start < end && s.charAt(start) == ' ') {
                    start++;
                }
                break;
            default:
                break;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    static byte[] encodeStrings(int tag, VR vr, SpecificCharacterSet charset, String... values) {
        for (String v : values) {
            if (vr.isMultiValuedString() && v.indexOf('\\') >= 0) {
                throw new InvalidValueException(tag, vr, v, "a single value must not contain a backslash");
            }
        }
        String joined = vr.isMultiValuedString() ? String.join("\\", values) : (values.length == 0 ? "" : values[0]);
        if (!vr.isMultiValuedString() && values.length > 1) {
            throw new InvalidValueException(tag, vr, joined, vr + " holds a single value, got " + values.length);
        }
        if (vr.charsetDependent()) {
            try {
                return padded(charset.encode(joined, vr), vr);
            } catch (InvalidValueException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException(tag, vr, joined, e.getMessage());
            }
        }
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c > 0x7F) {
                throw new InvalidValueException(tag, vr, joined, "character '" + c + "' is outside the default"
                        + " repertoire that " + vr + " allows");
            }
        }
        return padded(joined.getBytes(StandardCharsets.US_ASCII), vr);
    }

    /** The value with one padding byte appended when its length is odd (PS3.5 section 7.1.1). */
    static byte[] padded(byte[] value, VR vr) {
        if ((value.length & 1) == 0) {
            return value;
        }
        byte[] even = java.util.Arrays.copyOf(value, value.length + 1);
        even[value.length] = vr.padding();
        return even;
    }

    // ---- numbers -----------------------------------------------------------------------------------------------

    /** All values as doubles; an empty string value gives NaN. */
    static double[] doubles(int tag, byte[] bytes, VR vr) {
        switch (vr.kind()) {
            case DECIMAL_STRING: case INTEGER_STRING: {
                List<String> parts = strings(bytes, vr, SpecificCharacterSet.DEFAULT);
                if (parts.size() == 1 && parts.get(0).isEmpty()) {
                    return new double[0];
                }
                double[] d = new double[parts.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = parseDecimal(tag, vr, parts.get(i));
                }
                return d;
            }
            case BINARY_NUMBER: {
                ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                int n = wholeValues(tag, bytes, vr, vr.size());
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = binary(b, vr, i);
                }
                return d;
            }
            default:
                throw new InvalidValueException(tag, vr, "", vr + " is not a numeric VR");
        }
    }

    /** All values as longs; DS values must be integral. */
    static long[] longs(int tag, byte[] bytes, VR vr) {
        switch (vr.kind()) {
            case INTEGER_STRING: case DECIMAL_STRING: {
                List<String> parts = strings(bytes, vr, SpecificCharacterSet.DEFAULT);
                if (parts.size() == 1 && parts.get(0).isEmpty()) {
                    return new long[0];
                }
                long[] l = new long[parts.size()];
                for (int i = 0; i < l.length; i++) {
                    l[i] = parseInteger(tag, vr, parts.get(i));
                }
                return l;
            }
            case BINARY_NUMBER: {
                if (vr == VR.FL || vr == VR.FD) {
                    throw new InvalidValueException(tag, vr, "", "floating point values are not integers");
                }
                ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                int n = wholeValues(tag, bytes, vr, vr.size());
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = integer(b, vr, i);
                }
                return l;
            }
            case TAG: {
                ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                long[] l = new long[wholeValues(tag, bytes, vr, 4)];
                for (int i = 0; i < l.length; i++) {
                    l[i] = Tags.of(b.getShort(4 * i) & 0xFFFF, b.getShort(4 * i + 2) & 0xFFFF) & 0xFFFFFFFFL;
                }
                return l;
            }
            default:
                throw new InvalidValueException(tag, vr, "", vr + " is not an integer VR");
        }
    }

    /**
     * The number of values of {@code size} bytes in {@code bytes}; a length that is no multiple of the size is an
     * encoding error (PS3.5 6.2), reported rather than silently dropping the trailing bytes.
     */
    private static int wholeValues(int tag, byte[] bytes, VR vr, int size) {
        if (bytes.length % size != 0) {
            throw new InvalidValueException(tag, vr, "", "value length " + bytes.length
                    + " is not a multiple of " + size + ", the size of one " + vr + " value");
        }
        return bytes.length / size;
    }

    private static double binary(ByteBuffer b, VR vr, int i) {
        switch (vr) {
            case FL: return b.getFloat(4 * i);
            case FD: return b.getDouble(8 * i);
            case UV: {
                long v = b.getLong(8 * i);
                return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
            }
            default: return integer(b, vr, i);
        }
    }

    private static long integer(ByteBuffer b, VR vr, int i) {
        switch (vr) {
            case US: return b.getShort(2 * i) & 0xFFFF;
            case SS: return b.getShort(2 * i);
            case UL: return b.getInt(4 * i) & 0xFFFFFFFFL;
            case SL: return b.getInt(4 * i);
            case SV: case UV: return b.getLong(8 * i);
            default: throw new IllegalStateException("not an integer VR: " + vr);
        }
    }

    static double parseDecimal(int tag, VR vr, String s) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(tag, vr, s, "not a decimal number");
        }
    }

    static long parseInteger(int tag, VR vr, String s) {
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            if (vr == VR.DS) {
                double d = parseDecimal(tag, vr, s);
                if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                    return (long) d;
                }
                throw new InvalidValueException(tag, vr, s, "not an integer");
            }
            throw new InvalidValueException(tag, vr, s, "not an integer");
        }
    }

    static byte[] encodeBinary(int tag, VR vr, double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * vr.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (vr) {
                case FL: b.putFloat((float) v); break;
                case FD: b.putDouble(v); break;
                default: putInteger(tag, vr, b, toIntegral(tag, vr, v)); break;
            }
        }
        return b.array();
    }

    static byte[] encodeBinary(int tag, VR vr, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * vr.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (vr) {
                case FL: b.putFloat(v); break;
                case FD: b.putDouble(v); break;
                default: putInteger(tag, vr, b, v); break;
            }
        }
        return b.array();
    }

    /** UV values given as the bits of unsigned 64-bit numbers (two's-complement longs), little endian. */
    static byte[] encodeUnsigned64(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /** AT values: each tag as two little-endian 16-bit numbers, group then element. */
    static byte[] encodeTags(int tag, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            if (v < 0 || v > 0xFFFFFFFFL) {
                throw new InvalidValueException(tag, VR.AT, Long.toHexString(v), "not a tag (GGGGEEEE)");
            }
            b.putShort((short) (v >>> 16)).putShort((short) v);
        }
        return b.array();
    }

    private static long toIntegral(int tag, VR vr, double v) {
        if (v != Math.rint(v)) {
            throw new InvalidValueException(tag, vr, Double.toString(v), vr + " holds integers only");
        }
        return (long) v;
    }

    private static void putInteger(int tag, VR vr, ByteBuffer b, long v) {
        switch (vr) {
            case US: check(tag, vr, v, 0, 0xFFFF); b.putShort((short) v); break;
            case SS: check(tag, vr, v, Short.MIN_VALUE, Short.MAX_VALUE); b.putShort((short) v); break;
            case UL: check(tag, vr, v, 0, 0xFFFFFFFFL); b.putInt((int) v); break;
            case SL: check(tag, vr, v, Integer.MIN_VALUE, Integer.MAX_VALUE); b.putInt((int) v); break;
            case SV: b.putLong(v); break;
            case UV: check(tag, vr, v, 0, Long.MAX_VALUE); b.putLong(v); break;
            default: throw new InvalidValueException(tag, vr, Long.toString(v), vr + " is not a binary number VR");
        }
    }

    private static void check(int tag, VR vr, long v, long min, long max) {
        if (v < min || v > max) {
            throw new InvalidValueException(tag, vr, Long.toString(v), "outside the range " + min + ".." + max
                    + " of " + vr);
        }
    }

    /** Formats a decimal for DS within its 16-byte limit, as exactly as the limit allows. */
    /**
     * Formats a decimal for DS within its 16 characters: the shortest text that reads back as the same double when
     * it fits, else as many significant digits as fit, in plain or exponent form ("-1.2345678901E-5").
     */
    static String formatDecimal(int tag, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new InvalidValueException(tag, VR.DS, Double.toString(v), "DS holds finite numbers only");
        }
        if (v == 0) {
            return "0";
        }
        String shortest = fitDecimal(new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros());
        if (shortest != null) {
            return shortest;
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(v);
        for (int digits = 16; digits > 0; digits--) {
            String t = fitDecimal(exact.round(new java.math.MathContext(digits)).stripTrailingZeros());
            if (t != null) {
                return t;
            }
        }
        throw new InvalidValueException(tag, VR.DS, Double.toString(v), "does not fit in 16 characters");
    }

    /** The plain or exponent form of {@code d} that fits in 16 characters (plain preferred), or null. */
    private static String fitDecimal(java.math.BigDecimal d) {
        String plain = d.toPlainString();
        if (plain.length() <= 16) {
            return plain;
        }
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String scientific = (d.signum() < 0 ? "-" : "") + mantissa + "E" + exponent;
        return scientific.length() <= 16 ? scientific : null;
    }

    // ---- dates and times ---------------------------------------------------------------------------------------

    /** Parses DA "YYYYMMDD"; accepts the ACR-NEMA form "YYYY.MM.DD" as a known deviation. */
    static LocalDate parseDate(int tag, String s) {
        String t = s.length() == 10 && s.charAt(4) == '.' && s.charAt(7) == '.'
                ? s.substring(0, 4) + s.substring(5, 7) + s.substring(8, 10) : s;
        if (t.length() != 8 || !digits(t, 0, 8)) {
            throw new InvalidValueException(tag, VR.DA, s, "expected YYYYMMDD");
        }
        try {
            return LocalDate.of(num(t, 0, 4), num(t, 4, 6), num(t, 6, 8));
        } catch (DateTimeException e) {
            throw new InvalidValueException(tag, VR.DA, s, e.getMessage());
        }
    }

    /** Parses TM "HH[MM[SS[.F{1,6}]]]"; accepts the ACR-NEMA form "HH:MM:SS.F" as a known deviation. */
    static LocalTime parseTime(int tag, String s) {
        String t = s.indexOf(':') >= 0 ? s.replace(":", "") : s;
        try {
            return LocalTime.from(timeParts(t).atDate(LocalDate.EPOCH));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidValueException(tag, VR.TM, s, "expected HH[MM[SS[.FFFFFF]]]");
        }
    }

    /** Precision-carrying parse of the time part; fills missing parts with zero. */
    private static TimeValue timeParts(String t) {
        int dot = t.indexOf('.');
        String whole = dot >= 0 ? t.substring(0, dot) : t;
        if ((whole.length() != 2 && whole.length() != 4 && whole.length() != 6) || !digits(whole, 0, whole.length())
                || (dot >= 0 && whole.length() != 6)) {
            throw new IllegalArgumentException(t);
        }
        int h = num(whole, 0, 2);
        int m = whole.length() >= 4 ? num(whole, 2, 4) : 0;
        int sec = whole.length() >= 6 ? num(whole, 4, 6) : 0;
        int nanos = 0;
        ChronoUnit precision = whole.length() == 2 ? ChronoUnit.HOURS
                : whole.length() == 4 ? ChronoUnit.MINUTES : ChronoUnit.SECONDS;
        if (dot >= 0) {
            String frac = t.substring(dot + 1);
            if (frac.isEmpty() || frac.length() > 6 || !digits(frac, 0, frac.length())) {
                throw new IllegalArgumentException(t);
            }
            nanos = Integer.parseInt((frac + "000000").substring(0, 6)) * 1000;
            precision = ChronoUnit.MICROS;
        }
        if (sec == 60) {
            sec = 59; // a leap second: java.time has none; keep the value within the minute
        }
        return new TimeValue(LocalTime.of(h, m, sec, nanos), precision);
    }

    private record TimeValue(LocalTime time, ChronoUnit precision) {
        LocalDateTime atDate(LocalDate d) {
            return time.atDate(d);
        }
    }

    /** Parses DT "YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]". */
    static DicomDateTime parseDateTime(int tag, String s) {
        try {
            String t = s;
            ZoneOffset offset = null;
            int sign = Math.max(t.lastIndexOf('+'), t.lastIndexOf('-'));
            if (sign > 0) {
                String z = t.substring(sign);
                if (z.length() != 5 || !digits(z, 1, 5)) {
                    throw new IllegalArgumentException(s);
                }
                offset = ZoneOffset.ofHoursMinutes(
                        (z.charAt(0) == '-' ? -1 : 1) * num(z, 1, 3), (z.charAt(0) == '-' ? -1 : 1) * num(z, 3, 5));
                t = t.substring(0, sign);
            }
            int dot = t.indexOf('.');
            int wholeLength = dot >= 0 ? dot : t.length();
            if (wholeLength < 4 || wholeLength % 2 != 0 || wholeLength > 14 || !digits(t, 0, wholeLength)) {
                throw new IllegalArgumentException(s);
            }
            int year = num(t, 0, 4);
            int month = wholeLength >= 6 ? num(t, 4, 6) : 1;
            int day = wholeLength >= 8 ? num(t, 6, 8) : 1;
            LocalDate date = LocalDate.of(year, month, day);
            if (wholeLength <= 8) {
                ChronoUnit p = wholeLength == 4 ? ChronoUnit.YEARS : wholeLength == 6 ? ChronoUnit.MONTHS : ChronoUnit.DAYS;
                if (dot >= 0) {
                    throw new IllegalArgumentException(s);
                }
                return new DicomDateTime(date.atStartOfDay(), p, offset);
            }
            TimeValue time = timeParts(t.substring(8));
            return new DicomDateTime(time.atDate(date), time.precision(), offset);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidValueException(tag, VR.DT, s, "expected YYYY[MM[DD[HH[MM[SS[.FFFFFF]]]]]][&ZZXX]");
        }
    }

    static String formatDate(LocalDate d) {
        return String.format(java.util.Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    static String formatTime(LocalTime t) {
        String s = String.format(java.util.Locale.ROOT, "%02d%02d%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? s : s + String.format(java.util.Locale.ROOT, ".%06d", micros);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
