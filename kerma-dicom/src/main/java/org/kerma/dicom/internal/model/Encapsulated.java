package org.kerma.dicom.internal.model;

import java.io.ByteArrayOutputStream;
import org.kerma.dicom.Fragments;

/**
 * The "encapsulated form" of Pixel Data that InlineBinary carries: each item (the Basic Offset Table first, then
 * the fragments) as its header (FFFE,E000) and 32-bit little-endian length followed by its bytes; the sequence
 * delimiter is not included (pydicom holds and writes encapsulated Pixel Data the same way). Decoding also accepts a
 * trailing sequence delimiter.
 */
public final class Encapsulated {
    private Encapsulated() {
    }

    /**
     * The encapsulated form of in-memory fragments.
     *
     * @throws IllegalArgumentException when a fragment was left in its file
     */
    public static byte[] encode(Fragments fragments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object item : fragments.items()) {
            if (!(item instanceof byte[] data)) {
                throw new IllegalArgumentException("a fragment was left in its file");
            }
            header(out, 0xE000, data.length);
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, int element, int length) {
        out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) element, (byte) (element >>> 8),
                (byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)});
    }

    /**
     * The fragments of bytes in the encapsulated form, or null when the bytes are not exactly a chain of items
     * (optionally ended by a sequence delimiter): then they are native, not encapsulated, data.
     */
    public static Fragments decode(byte[] bytes) {
        if (bytes.length < 8) {
            return null;
        }
        Fragments fragments = new Fragments();
        int at = 0;
        while (at < bytes.length) {
            if (bytes.length - at < 8 || (bytes[at] & 0xFF) != 0xFE || (bytes[at + 1] & 0xFF) != 0xFF
                    || (bytes[at + 3] & 0xFF) != 0xE0) {
                return null;
            }
            int element = 0xE000 | (bytes[at + 2] & 0xFF);
            long length = (bytes[at + 4] & 0xFFL) | (bytes[at + 5] & 0xFFL) << 8 | (bytes[at + 6] & 0xFFL) << 16
                    | (bytes[at + 7] & 0xFFL) << 24;
            if (element == 0xE0DD) {
                return length == 0 && at + 8 == bytes.length && fragments.size() > 0 ? fragments : null;
            }
            if (element != 0xE000 || length > bytes.length - at - 8) {
                return null;
            }
            byte[] data = java.util.Arrays.copyOfRange(bytes, at + 8, at + 8 + (int) length);
            fragments.add(data, -1);
            at += 8 + (int) length;
        }
        return fragments;
    }
}
