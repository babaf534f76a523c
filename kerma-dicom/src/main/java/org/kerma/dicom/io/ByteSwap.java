package org.kerma.dicom.io;

/** Reverses the byte order of each unit of 2, 4 or 8 bytes in place (between big and little endian). */
final class ByteSwap {
    private ByteSwap() {
    }

    static void swap(byte[] b, int unit) {
        if (unit <= 1) {
            return;
        }
        int n = b.length - b.length % unit;
        for (int i = 0; i < n; i += unit) {
            for (int lo = i, hi = i + unit - 1; lo < hi; lo++, hi--) {
                byte t = b[lo];
                b[lo] = b[hi];
                b[hi] = t;
            }
        }
    }
}
