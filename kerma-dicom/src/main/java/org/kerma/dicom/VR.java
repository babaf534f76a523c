package org.kerma.dicom;

/**
 * Value Representations of PS3.5 section 6.2: a closed set, each constant carrying what the codec needs to
 * encode and decode it.
 *
 * <p>{@link #longHeader()} tells whether the explicit-VR header has two reserved bytes and a 32-bit length
 * (PS3.5 Table 7.1-1) instead of a 16-bit length. {@link #padding()} is the byte that pads a value to even length.
 * {@link #kind()} groups VRs by how their values are typed.
 */
public enum VR {
    AE(Kind.STRING, false, ' ', 16, false, false),
    AS(Kind.STRING, false, ' ', 4, false, false),
    AT(Kind.TAG, false, 0, 4, false, false),
    CS(Kind.STRING, false, ' ', 16, false, false),
    DA(Kind.DATE_TIME, false, ' ', 8, false, false),
    DS(Kind.DECIMAL_STRING, false, ' ', 16, false, false),
    DT(Kind.DATE_TIME, false, ' ', 26, false, false),
    FD(Kind.BINARY_NUMBER, false, 0, 8, false, false),
    FL(Kind.BINARY_NUMBER, false, 0, 4, false, false),
    IS(Kind.INTEGER_STRING, false, ' ', 12, false, false),
    LO(Kind.STRING, false, ' ', 64, true, false),
    LT(Kind.TEXT, false, ' ', 10240, true, false),
    OB(Kind.BYTES, true, 0, 0, false, false),
    OD(Kind.BYTES, true, 0, 0, false, true),
    OF(Kind.BYTES, true, 0, 0, false, true),
    OL(Kind.BYTES, true, 0, 0, false, true),
    OV(Kind.BYTES, true, 0, 0, false, true),
    OW(Kind.BYTES, true, 0, 0, false, true),
    PN(Kind.PERSON_NAME, false, ' ', 64, true, false),
    SH(Kind.STRING, false, ' ', 16, true, false),
    SL(Kind.BINARY_NUMBER, false, 0, 4, false, false),
    SQ(Kind.SEQUENCE, true, 0, 0, false, false),
    SS(Kind.BINARY_NUMBER, false, 0, 2, false, false),
    ST(Kind.TEXT, false, ' ', 1024, true, false),
    SV(Kind.BINARY_NUMBER, true, 0, 8, false, false),
    TM(Kind.DATE_TIME, false, ' ', 14, false, false),
    UC(Kind.STRING, true, ' ', 0, true, false),
    UI(Kind.UID, false, 0, 64, false, false),
    UL(Kind.BINARY_NUMBER, false, 0, 4, false, false),
    UN(Kind.BYTES, true, 0, 0, false, false),
    UR(Kind.TEXT, true, ' ', 0, false, false),
    US(Kind.BINARY_NUMBER, false, 0, 2, false, false),
    UT(Kind.TEXT, true, ' ', 0, true, false),
    UV(Kind.BINARY_NUMBER, true, 0, 8, false, false);

    /** How the values of a VR are typed. */
    public enum Kind {
        /** Code strings, short/long strings, AE, AS, UC: backslash-separated multiple values. */
        STRING,
        /** ST, LT, UT, UR: a single value in which backslash is an ordinary character. */
        TEXT,
        PERSON_NAME,
        /** DA, TM, DT. */
        DATE_TIME,
        DECIMAL_STRING,
        INTEGER_STRING,
        UID,
        /** US, SS, UL, SL, FL, FD, SV, UV: fixed-size binary numbers. */
        BINARY_NUMBER,
        /** AT: pairs of 16-bit group and element numbers. */
        TAG,
        /** OB, OW, OF, OD, OL, OV, UN: opaque bytes or words. */
        BYTES,
        SEQUENCE
    }

    private final Kind kind;
    private final boolean longHeader;
    private final byte padding;
    private final int size;
    private final boolean charsetDependent;
    private final boolean wordsOther;

    VR(Kind kind, boolean longHeader, int padding, int size, boolean charsetDependent, boolean wordsOther) {
        this.kind = kind;
        this.longHeader = longHeader;
        this.padding = (byte) padding;
        this.size = size;
        this.charsetDependent = charsetDependent;
        this.wordsOther = wordsOther;
    }

    private static final VR[] BY_CODE = new VR[0x10000];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code()] = vr;
        }
    }

    /** The two ASCII characters as a big-endian 16-bit number, as they appear on the wire ('P','N' = 0x504E). */
    public int code() {
        String n = name();
        return (n.charAt(0) << 8) | n.charAt(1);
    }

    /** The VR for the two bytes of an explicit-VR header, or {@code null} if they name none. */
    public static VR ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The VR named by two letters, or {@code null}. */
    public static VR ofName(String name) {
        if (name == null || name.length() != 2) {
            return null;
        }
        return ofCode((name.charAt(0) << 8) | name.charAt(1));
    }

    public Kind kind() {
        return kind;
    }

    /** True when the explicit-VR header is 12 bytes: tag, VR, two reserved bytes, 32-bit length. */
    public boolean longHeader() {
        return longHeader;
    }

    /** The byte that pads an odd-length value: space for text VRs, NUL for UI and binary VRs. */
    public byte padding() {
        return padding;
    }

    /**
     * For binary numbers and AT: the size in bytes of one value. For string VRs: the maximum length in characters
     * of one value (PS3.5 Table 6.2-1), 0 where the standard sets none beyond the length field.
     */
    public int size() {
        return size;
    }

    /** True when the value's characters are decoded through Specific Character Set (0008,0005). */
    public boolean charsetDependent() {
        return charsetDependent;
    }

    /** True for binary VRs whose bytes are swapped between little and big endian, in units of {@link #swapUnit()}. */
    public boolean swapsBytes() {
        return kind == Kind.BINARY_NUMBER || kind == Kind.TAG || wordsOther;
    }

    /** The unit of byte swapping for big endian: 2 for US/SS/OW/AT, 4 for UL/SL/FL/OF/OL, 8 for FD/SV/UV/OD/OV; 1 otherwise. */
    public int swapUnit() {
        switch (this) {
            case US: case SS: case OW: case AT: return 2;
            case UL: case SL: case FL: case OF: case OL: return 4;
            case FD: case SV: case UV: case OD: case OV: return 8;
            default: return 1;
        }
    }

    /** True for VRs whose value is text (any of the string kinds). */
    public boolean isString() {
        switch (kind) {
            case STRING: case TEXT: case PERSON_NAME: case DATE_TIME: case DECIMAL_STRING: case INTEGER_STRING: case UID:
                return true;
            default:
                return false;
        }
    }

    /** True for VRs that may hold several values separated by backslash. */
    public boolean isMultiValuedString() {
        return isString() && kind != Kind.TEXT;
    }
}
