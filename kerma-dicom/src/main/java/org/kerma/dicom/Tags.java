package org.kerma.dicom;

/**
 * Operations on tags. A tag is held as an {@code int}: group in the high 16 bits, element in the low 16 bits, so
 * that tags sort in the order PS3.5 section 7.1 requires for a data set. Named constants are in {@link Tag}.
 */
public final class Tags {
    /** (FFFE,E000) Item. */
    public static final int ITEM = 0xFFFEE000;
    /** (FFFE,E00D) Item Delimitation Item. */
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    /** (FFFE,E0DD) Sequence Delimitation Item. */
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    /** The length that means "undefined length, ended by a delimitation item". */
    public static final int UNDEFINED_LENGTH = 0xFFFFFFFF;

    private Tags() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** "(GGGG,EEEE)" in upper-case hex, as PS3.6 writes tags. */
    public static String format(int tag) {
        char[] c = new char[11];
        c[0] = '(';
        hex(c, 1, tag >>> 16);
        c[5] = ',';
        hex(c, 6, tag & 0xFFFF);
        c[10] = ')';
        return new String(c);
    }

    /** "GGGGEEEE" in upper-case hex, as DICOM JSON and XML write tags. */
    public static String toHex(int tag) {
        char[] c = new char[8];
        hex(c, 0, tag >>> 16);
        hex(c, 4, tag & 0xFFFF);
        return new String(c);
    }

    private static void hex(char[] c, int at, int v) {
        for (int i = 3; i >= 0; i--) {
            c[at + i] = Character.toUpperCase(Character.forDigit(v & 0xF, 16));
            v >>>= 4;
        }
    }

    /**
     * Parses "(GGGG,EEEE)", "GGGG,EEEE" or "GGGGEEEE" (hex, either case).
     *
     * @throws IllegalArgumentException naming the text when it is not a tag
     */
    public static int parse(String text) {
        String s = text.trim();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        s = s.replace(",", "");
        if (s.length() != 8) {
            throw new IllegalArgumentException("not a tag: '" + text + "' (expected GGGGEEEE or (GGGG,EEEE))");
        }
        try {
            return (int) Long.parseLong(s, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a tag: '" + text + "' (expected hexadecimal digits)", e);
        }
    }

    /** True for tags in odd groups other than 0001, 0003, 0005, 0007 and FFFF (PS3.5 section 7.8). */
    public static boolean isPrivate(int tag) {
        int g = group(tag);
        return (g & 1) == 1 && g > 0x0008 && g != 0xFFFF;
    }

    /** True for a Private Creator element (gggg,0010-00FF) in a private group. */
    public static boolean isPrivateCreator(int tag) {
        int e = element(tag);
        return isPrivate(tag) && e >= 0x0010 && e <= 0x00FF;
    }

    /** The Private Creator tag (gggg,00xx) that reserves the block of a private data element (gggg,xxee). */
    public static int creatorOf(int privateTag) {
        return (privateTag & 0xFFFF0000) | ((privateTag >>> 8) & 0xFF);
    }

    /** True for a Group Length element (gggg,0000). */
    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** True for the item and delimitation tags of group FFFE. */
    public static boolean isDelimiter(int tag) {
        return group(tag) == 0xFFFE;
    }
}
