package org.kerma.tools.read;

/**
 * A tag or a nibble-aligned family of tags, as a value and a mask: {@code (60xx,3000)} is value 0x60003000 with
 * mask 0xFF00FFFF. Written in tables as eight hex digits with {@code x} for each free digit ("60xx3000").
 *
 * @param tag  the value, free digits zero
 * @param mask the bits that must match, {@code 0xFFFFFFFF} for one tag
 */
public record TagPattern(int tag, int mask) {

    /**
     * The pattern covering the range {@code low..high} of a DCMTK tag part, where the two may differ only in digits
     * that run from 0 in {@code low} to F in {@code high} (6000-60FF, 3100-31FF).
     *
     * @param low  the first value of the 16-bit tag part
     * @param high the last value
     * @return a pattern for the 16-bit part (in the low 16 bits)
     * @throws IllegalArgumentException when the range is not such a nibble-aligned family
     */
    public static TagPattern ofRange(int low, int high) {
        int mask = 0xFFFF;
        for (int shift = 0; shift < 16; shift += 4) {
            int l = (low >>> shift) & 0xF;
            int h = (high >>> shift) & 0xF;
            if (l != h) {
                if (l != 0 || h != 0xF) {
                    throw new IllegalArgumentException(String.format(
                            "range %04X-%04X is not a repeating-group range (digits must run 0..F)", low, high));
                }
                mask &= ~(0xF << shift);
            }
        }
        return new TagPattern(low & mask, mask);
    }

    /** Combines a group pattern and an element pattern (each in the low 16 bits) into a tag pattern. */
    public static TagPattern of(TagPattern group, TagPattern element) {
        return new TagPattern((group.tag << 16) | element.tag, (group.mask << 16) | element.mask);
    }

    /** Eight upper-case hex digits with 'x' for each free digit. */
    public String render() {
        char[] c = new char[8];
        for (int i = 0; i < 8; i++) {
            int shift = 28 - 4 * i;
            c[i] = ((mask >>> shift) & 0xF) == 0 ? 'x'
                    : Character.toUpperCase(Character.forDigit((tag >>> shift) & 0xF, 16));
        }
        return new String(c);
    }

    /**
     * Parses {@link #render()}'s form, accepting either case for hex digits.
     *
     * @throws IllegalArgumentException when the text is not eight hex-or-x characters
     */
    public static TagPattern parse(String text) {
        if (text.length() != 8) {
            throw new IllegalArgumentException("not a tag pattern: '" + text + "'");
        }
        int tag = 0;
        int mask = 0;
        for (int i = 0; i < 8; i++) {
            char ch = text.charAt(i);
            tag <<= 4;
            mask <<= 4;
            if (ch != 'x' && ch != 'X') {
                int d = Character.digit(ch, 16);
                if (d < 0) {
                    throw new IllegalArgumentException("not a tag pattern: '" + text + "'");
                }
                tag |= d;
                mask |= 0xF;
            }
        }
        return new TagPattern(tag, mask);
    }

    /** True when this pattern stands for one tag. */
    public boolean isSingle() {
        return mask == 0xFFFFFFFF;
    }
}
