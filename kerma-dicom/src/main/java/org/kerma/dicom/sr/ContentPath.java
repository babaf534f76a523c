package org.kerma.dicom.sr;

import java.util.Arrays;

/**
 * Where a content item sits in an SR content tree: the 1-based position of the item in each nested Content
 * Sequence (0040,A730), starting with {@code 1} for the root (the document's top container), e.g. {@code 1.4.2} is
 * the second child of the fourth child of the root. This is the form of Referenced Content Item Identifier
 * (0040,DB73) (PS3.3 section C.17.3.2.5) and the form findings name.
 */
public final class ContentPath implements Comparable<ContentPath> {
    private static final ContentPath ROOT = new ContentPath(new int[] {1});
    private final int[] positions;

    private ContentPath(int[] positions) {
        this.positions = positions;
    }

    /** The path of the document's root item, {@code 1}. */
    public static ContentPath root() {
        return ROOT;
    }

    /**
     * A path from its positions, as in Referenced Content Item Identifier.
     *
     * @throws IllegalArgumentException when empty or when a position is below 1
     */
    public static ContentPath of(long... positions) {
        if (positions.length == 0) {
            throw new IllegalArgumentException("a content path has at least one position");
        }
        int[] p = new int[positions.length];
        for (int i = 0; i < p.length; i++) {
            if (positions[i] < 1 || positions[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("content path position " + positions[i] + " is not 1 or more in "
                        + Arrays.toString(positions));
            }
            p[i] = (int) positions[i];
        }
        return new ContentPath(p);
    }

    /**
     * Parses the dotted form, e.g. {@code "1.4.2"}.
     *
     * @throws IllegalArgumentException naming the text when it is not dotted positive integers
     */
    public static ContentPath parse(String text) {
        String[] parts = text.split("\\.", -1);
        long[] p = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                p[i] = Long.parseLong(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a content path: '" + text + "'");
        }
        return of(p);
    }

    /** The path of this item's child at 1-based {@code position}. */
    public ContentPath child(int position) {
        int[] p = Arrays.copyOf(positions, positions.length + 1);
        p[positions.length] = position;
        return new ContentPath(p);
    }

    /** How many positions: 1 for the root. */
    public int depth() {
        return positions.length;
    }

    /** The 1-based position at {@code level} (0 = root). */
    public int position(int level) {
        return positions[level];
    }

    /** True when this path is {@code other} or lies below it. */
    public boolean startsWith(ContentPath other) {
        if (other.positions.length > positions.length) {
            return false;
        }
        return Arrays.equals(positions, 0, other.positions.length, other.positions, 0, other.positions.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentPath c && Arrays.equals(positions, c.positions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(positions);
    }

    @Override
    public int compareTo(ContentPath o) {
        return Arrays.compare(positions, o.positions);
    }

    /** The dotted form, e.g. {@code 1.4.2}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int p : positions) {
            s.append(s.length() == 0 ? "" : ".").append(p);
        }
        return s.toString();
    }
}
