package org.kerma.dicom.internal.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.kerma.dicom.VR;

/** Numbers between value bytes and text, for the binary number VRs (US, SS, UL, SL, SV, UV, FL, FD) and AT. */
public final class Numbers {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final BigInteger UV_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Numbers() {
    }

    /** True when {@code text} is a number by the JSON grammar (RFC 8259 section 6), as DS and IS must be to be written as numbers. */
    public static boolean isJsonNumber(String text) {
        return JSON_NUMBER.matcher(text).matches();
    }

    /**
     * The values of a binary number VR as text: integers in decimal (UV unsigned), FL and FD as the shortest text
     * that reads back to the same bits, "NaN", "Infinity" and "-Infinity" for the special values.
     *
     * @throws ModelException when the length is not a whole number of values
     */
    public static List<String> texts(byte[] bytes, VR vr, String path) {
        int size = vr.size();
        if (bytes.length % size != 0) {
            throw new ModelException(path, vr + " value of " + bytes.length + " bytes is not a whole number of "
                    + size + "-byte values");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<String> out = new ArrayList<>(bytes.length / size);
        for (int at = 0; at < bytes.length; at += size) {
            switch (vr) {
                case US: out.add(Integer.toString(b.getShort(at) & 0xFFFF)); break;
                case SS: out.add(Short.toString(b.getShort(at))); break;
                case UL: out.add(Long.toString(b.getInt(at) & 0xFFFFFFFFL)); break;
                case SL: out.add(Integer.toString(b.getInt(at))); break;
                case SV: out.add(Long.toString(b.getLong(at))); break;
                case UV: out.add(Long.toUnsignedString(b.getLong(at))); break;
                case FL: out.add(Float.toString(b.getFloat(at))); break;
                case FD: out.add(Double.toString(b.getDouble(at))); break;
                default: throw new IllegalArgumentException("not a binary number VR: " + vr);
            }
        }
        return out;
    }

    /** AT values as "GGGGEEEE". */
    public static List<String> tagTexts(byte[] bytes, String path) {
        if (bytes.length % 4 != 0) {
            throw new ModelException(path, "AT value of " + bytes.length + " bytes is not a whole number of tags");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<String> out = new ArrayList<>(bytes.length / 4);
        for (int at = 0; at < bytes.length; at += 4) {
            out.add(org.kerma.dicom.Tags.toHex(((b.getShort(at) & 0xFFFF) << 16) | (b.getShort(at + 2) & 0xFFFF)));
        }
        return out;
    }

    /**
     * Encodes number texts in a binary number VR, little endian. Integers may be written with a fraction of zero
     * ("12.0") or an exponent; FL and FD also take "NaN", "Infinity" and "-Infinity".
     *
     * @throws ModelException naming {@code path} and the value for an empty, malformed or out-of-range value
     */
    public static byte[] encode(List<String> texts, VR vr, String path) {
        ByteBuffer b = ByteBuffer.allocate(texts.size() * vr.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String where = path + valueSuffix(i, texts.size());
            if (text == null || text.isEmpty()) {
                throw new ModelException(where, "an empty value cannot be encoded in " + vr);
            }
            if (vr == VR.FL || vr == VR.FD) {
                double d = parseFloating(text, vr, where);
                if (vr == VR.FL) {
                    b.putFloat((float) d);
                } else {
                    b.putDouble(d);
                }
                continue;
            }
            BigInteger v = parseInteger(text, vr, where);
            switch (vr) {
                case US: b.putShort((short) range(v, 0, 0xFFFF, vr, text, where)); break;
                case SS: b.putShort((short) range(v, Short.MIN_VALUE, Short.MAX_VALUE, vr, text, where)); break;
                case UL: b.putInt((int) range(v, 0, 0xFFFFFFFFL, vr, text, where)); break;
                case SL: b.putInt((int) range(v, Integer.MIN_VALUE, Integer.MAX_VALUE, vr, text, where)); break;
                case SV: b.putLong(range(v, Long.MIN_VALUE, Long.MAX_VALUE, vr, text, where)); break;
                case UV:
                    if (v.signum() < 0 || v.compareTo(UV_MAX) > 0) {
                        throw new ModelException(where, "UV value " + text + " is outside 0.." + UV_MAX);
                    }
                    b.putLong(v.longValue());
                    break;
                default: throw new IllegalArgumentException("not a binary number VR: " + vr);
            }
        }
        return b.array();
    }

    /** Encodes "GGGGEEEE" texts as AT (group then element, each 16-bit little endian). */
    public static byte[] encodeTags(List<String> texts, String path) {
        ByteBuffer b = ByteBuffer.allocate(texts.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            int tag = parseTag(text, path + valueSuffix(i, texts.size()), "AT value");
            b.putShort((short) (tag >>> 16));
            b.putShort((short) tag);
        }
        return b.array();
    }

    /**
     * Parses a tag written as exactly eight hexadecimal digits.
     *
     * @param what names the text in the error, e.g. "attribute tag" or "AT value"
     */
    public static int parseTag(String text, String path, String what) {
        if (text == null || text.length() != 8) {
            throw new ModelException(path, what + " '" + text + "' is not a tag of eight hexadecimal digits");
        }
        int tag = 0;
        for (int k = 0; k < 8; k++) {
            int digit = Character.digit(text.charAt(k), 16);
            if (digit < 0) {
                throw new ModelException(path, what + " '" + text + "' is not a tag of eight hexadecimal digits");
            }
            tag = (tag << 4) | digit;
        }
        return tag;
    }

    private static String valueSuffix(int i, int count) {
        return count == 1 && i == 0 ? "" : "[" + i + "]";
    }

    private static double parseFloating(String text, VR vr, String where) {
        switch (text) {
            case "NaN": return Double.NaN;
            case "Infinity": return Double.POSITIVE_INFINITY;
            case "-Infinity": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        if (!isJsonNumber(text.trim())) {
            throw new ModelException(where, vr + " value '" + text + "' is not a number");
        }
        return vr == VR.FL ? Float.parseFloat(text) : Double.parseDouble(text);
    }

    private static BigInteger parseInteger(String text, VR vr, String where) {
        String t = text.trim();
        if (!isJsonNumber(t)) {
            throw new ModelException(where, vr + " value '" + text + "' is not a number");
        }
        BigDecimal d = new BigDecimal(t).stripTrailingZeros();
        if (d.precision() - d.scale() > 40) {
            throw new ModelException(where, vr + " value " + text + " is outside the range of " + vr);
        }
        if (d.scale() > 0) {
            throw new ModelException(where, vr + " value '" + text + "' is not an integer");
        }
        return d.toBigIntegerExact();
    }

    private static long range(BigInteger v, long min, long max, VR vr, String text, String where) {
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ModelException(where, vr + " value " + text + " is outside " + min + ".." + max);
        }
        return v.longValue();
    }
}
