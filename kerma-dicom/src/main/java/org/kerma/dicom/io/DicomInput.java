package org.kerma.dicom.io;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * A buffered input that counts its position and never allocates more than the bytes it has actually received:
 * {@link #readBytes} grows its array in chunks as data arrives when the total length is unknown, so a hostile
 * length field cannot allocate gigabytes.
 */
final class DicomInput {
    private static final int CHUNK = 1 << 20;

    private InputStream in;
    private final byte[] buf;
    private int bufPos;
    private int bufLen;
    /** Stream position of buf[0]. */
    private long bufStart;
    /** Total length of the input when known (a file), else -1. */
    private long knownLength;

    DicomInput(InputStream in, long knownLength, int bufferSize) {
        this.in = in;
        this.knownLength = knownLength;
        this.buf = new byte[bufferSize];
    }

    long position() {
        return bufStart + bufPos;
    }

    /** Bytes left when the length is known, else Long.MAX_VALUE. */
    long remaining() {
        return knownLength < 0 ? Long.MAX_VALUE : knownLength - position();
    }

    boolean lengthKnown() {
        return knownLength >= 0;
    }

    /** Ensures at least n (≤ buffer size) bytes are buffered if the input has them; returns how many are. */
    int fill(int n) throws IOException {
        if (bufLen - bufPos >= n) {
            return bufLen - bufPos;
        }
        if (bufPos > 0) {
            System.arraycopy(buf, bufPos, buf, 0, bufLen - bufPos);
            bufStart += bufPos;
            bufLen -= bufPos;
            bufPos = 0;
        }
        while (bufLen < n) {
            int r = in.read(buf, bufLen, buf.length - bufLen);
            if (r < 0) {
                break;
            }
            bufLen += r;
        }
        return bufLen - bufPos;
    }

    boolean atEnd() throws IOException {
        return bufPos >= bufLen && fill(1) == 0;
    }

    /** The byte at position()+k without consuming; -1 past the end. */
    int peek(int k) throws IOException {
        if (bufLen - bufPos > k) {
            return buf[bufPos + k] & 0xFF;
        }
        return fill(k + 1) > k ? buf[bufPos + k] & 0xFF : -1;
    }

    int readUnsignedShort(boolean bigEndian) throws IOException {
        require(2);
        int a = buf[bufPos] & 0xFF;
        int b = buf[bufPos + 1] & 0xFF;
        bufPos += 2;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    int readInt(boolean bigEndian) throws IOException {
        require(4);
        int a = buf[bufPos] & 0xFF;
        int b = buf[bufPos + 1] & 0xFF;
        int c = buf[bufPos + 2] & 0xFF;
        int d = buf[bufPos + 3] & 0xFF;
        bufPos += 4;
        return bigEndian ? (a << 24) | (b << 16) | (c << 8) | d : (d << 24) | (c << 16) | (b << 8) | a;
    }

    /** A tag: group then element, each 16 bits in the given byte order. */
    int readTag(boolean bigEndian) throws IOException {
        int v = readInt(bigEndian);
        // little endian reads the two 16-bit halves as element:group; swap them to group:element
        return bigEndian ? v : Integer.rotateLeft(v, 16);
    }

    private void require(int n) throws IOException {
        if (bufLen - bufPos < n && fill(n) < n) {
            throw new EOFException("input ends after " + (position() + (bufLen - bufPos)) + " bytes");
        }
    }

    /** Reads exactly {@code length} bytes; the array grows with the data actually received. */
    byte[] readBytes(long length) throws IOException {
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("value of " + length + " bytes is too large to hold in memory");
        }
        int n = (int) length;
        byte[] out = new byte[knownLength >= 0 ? n : Math.min(n, CHUNK)];
        int done = 0;
        while (done < n) {
            if (done == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(n, (long) out.length * 2));
            }
            int avail = bufLen - bufPos;
            if (avail > 0) {
                int k = Math.min(avail, out.length - done);
                System.arraycopy(buf, bufPos, out, done, k);
                bufPos += k;
                done += k;
            } else if (out.length - done >= buf.length) {
                int r = in.read(out, done, out.length - done);
                if (r < 0) {
                    throw new EOFException("input ends after " + position() + " bytes");
                }
                done += r;
                bufStart += r;
            } else if (fill(1) == 0) {
                throw new EOFException("input ends after " + position() + " bytes");
            }
        }
        return out;
    }

    /** Skips exactly n bytes. */
    void skip(long n) throws IOException {
        long left = n;
        int avail = bufLen - bufPos;
        int k = (int) Math.min(avail, left);
        bufPos += k;
        left -= k;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("input ends after " + position() + " bytes");
                }
                s = 1;
            }
            left -= s;
            bufStart += s;
        }
        if (knownLength >= 0 && position() > knownLength) {
            throw new EOFException("input ends after " + knownLength + " bytes");
        }
    }

    /**
     * From here on, read through {@code wrapper} applied to the rest of the input (used for the deflated data set);
     * positions continue to count from here in the wrapped stream, and the length becomes unknown.
     */
    void wrapRest(java.util.function.Function<InputStream, InputStream> wrapper) {
        InputStream rest = new SequenceInputStream(
                new ByteArrayInputStream(Arrays.copyOfRange(buf, bufPos, bufLen)), in);
        bufStart = position();
        bufPos = 0;
        bufLen = 0;
        in = wrapper.apply(rest);
        knownLength = -1;
    }
}
