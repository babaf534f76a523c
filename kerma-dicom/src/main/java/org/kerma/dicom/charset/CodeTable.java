package org.kerma.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The characters of one graphic character set, by code position, with the reverse lookup for encoding.
 *
 * <p>A position is an index: for a single-byte set, the byte minus 0x80 (0..127, covering the CR and GR areas);
 * for a 94x94 double-byte set, {@code (first - 0x21) * 94 + (second - 0x21)} where first and second are the two
 * GL bytes 0x21..0x7E. Positions without a character hold {@link #UNDEFINED} (U+FFFD, the replacement character).
 *
 * <p>Tables are built once from a Java charset (the facts) with a few corrections, and are immutable, so one
 * table is safely shared by all threads.
 */
final class CodeTable {
    /** The character returned for positions that hold no character. */
    static final char UNDEFINED = '\uFFFD';
    /** The number of positions of a 94x94 double-byte set. */
    static final int DOUBLE_BYTE_SIZE = 94 * 94;

    private final char[] characters;
    private final char[] sortedCharacters;
    private final short[] positionsOfSorted;

    private CodeTable(char[] characters, int firstEncodable) {
        this.characters = characters;
        int count = 0;
        for (int p = firstEncodable; p < characters.length; p++) {
            if (characters[p] != UNDEFINED) {
                count++;
            }
        }
        long[] pairs = new long[count];
        int k = 0;
        for (int p = firstEncodable; p < characters.length; p++) {
            if (characters[p] != UNDEFINED) {
                pairs[k++] = ((long) characters[p] << 16) | p;
            }
        }
        Arrays.sort(pairs);
        char[] sorted = new char[count];
        short[] positions = new short[count];
        int unique = 0;
        for (long pair : pairs) {
            char c = (char) (pair >>> 16);
            if (unique > 0 && sorted[unique - 1] == c) {
                continue; // a character at two positions encodes to the lower one
            }
            sorted[unique] = c;
            positions[unique] = (short) (pair & 0xFFFF);
            unique++;
        }
        this.sortedCharacters = Arrays.copyOf(sorted, unique);
        this.positionsOfSorted = Arrays.copyOf(positions, unique);
    }

    /**
     * The upper half (0x80..0xFF) of a single-byte charset. Only GR positions (0xA0..0xFF) are encodable: C1
     * control characters (0x80..0x9F) shall not be used in DICOM (PS3.5 section 6.1.2.5.1).
     *
     * @param javaReads      a character the charset gives that is to be replaced by {@code correctReading};
     *                       {@link #UNDEFINED} for none
     */
    static CodeTable upperHalf(Charset charset, char javaReads, char correctReading) {
        char[] characters = new char[128];
        CharsetDecoder decoder = replacingDecoder(charset);
        for (int p = 0; p < 128; p++) {
            char c = decodeOne(decoder, new byte[] {(byte) (0x80 + p)});
            characters[p] = c == javaReads ? correctReading : c;
        }
        return new CodeTable(characters, 0x20);
    }

    /**
     * A 94x94 set read through a charset in which {@code bytesOf} gives the byte sequence of each position.
     *
     * @param corrections pairs of (position, character) that replace what the charset says
     */
    static CodeTable doubleByte(Charset charset, IntFunction<byte[]> bytesOf, int... corrections) {
        char[] characters = new char[DOUBLE_BYTE_SIZE];
        CharsetDecoder decoder = replacingDecoder(charset);
        for (int p = 0; p < DOUBLE_BYTE_SIZE; p++) {
            characters[p] = decodeOne(decoder, bytesOf.apply(p));
        }
        for (int i = 0; i < corrections.length; i += 2) {
            characters[corrections[i]] = (char) corrections[i + 1];
        }
        return new CodeTable(characters, 0);
    }

    /** The position of the 94x94 code whose two GL bytes (0x21..0x7E) are given. */
    static int position(int first, int second) {
        return (first - 0x21) * 94 + (second - 0x21);
    }

    /** The character at {@code position}, or {@link #UNDEFINED}. */
    char decode(int position) {
        return characters[position];
    }

    /** The position of {@code c}, or -1 when this set has no such character. */
    int encode(char c) {
        int i = Arrays.binarySearch(sortedCharacters, c);
        return i < 0 ? -1 : positionsOfSorted[i] & 0xFFFF;
    }

    private static CharsetDecoder replacingDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(UNDEFINED));
    }

    /** Decodes one code; anything but exactly one BMP character counts as undefined. */
    private static char decodeOne(CharsetDecoder decoder, byte[] code) {
        CharBuffer out = CharBuffer.allocate(4);
        decoder.reset();
        CoderResult result = decoder.decode(ByteBuffer.wrap(code), out, true);
        if (!result.isUnderflow()) {
            return UNDEFINED;
        }
        decoder.flush(out);
        out.flip();
        return out.remaining() == 1 ? out.get(0) : UNDEFINED;
    }
}
