package org.kerma.dicom;

import java.util.Arrays;

/**
 * An int → non-negative int hash map with open addressing and linear probing, for O(1) lookup of dictionary rows
 * by tag without boxing. Filled once while a dictionary is built, read-only afterwards; a map that is no longer
 * written to is safe to read from many threads once safely published (e.g. through a final field).
 */
final class TagIndex {
    private static final int EMPTY = -1;

    private final int[] keys;
    private final int[] values;
    private final int shift;
    private int size;

    /** @param expected how many keys will be put; the table keeps at most half its slots filled */
    TagIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new int[capacity];
        values = new int[capacity];
        Arrays.fill(values, EMPTY);
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    /**
     * Maps {@code key} to {@code value}, replacing any earlier value.
     *
     * @throws IllegalArgumentException for a negative value
     * @throws IllegalStateException when the table would become more than half full
     */
    void put(int key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        int mask = keys.length - 1;
        int i = slot(key);
        while (values[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == EMPTY) {
            if (2 * (size + 1) > keys.length) {
                throw new IllegalStateException("TagIndex sized for fewer keys than put");
            }
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    /** The value for {@code key}, or -1 when there is none. */
    int get(int key) {
        int mask = keys.length - 1;
        for (int i = slot(key); values[i] != EMPTY; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return EMPTY;
    }

    private int slot(int key) {
        return (key * 0x9E3779B9) >>> shift;
    }
}
