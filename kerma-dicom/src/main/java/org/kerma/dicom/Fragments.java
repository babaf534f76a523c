package org.kerma.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The value of encapsulated Pixel Data (PS3.5 section A.4): the Basic Offset Table item followed by one item per
 * fragment. Each fragment is held as its bytes or, when the reader left bulk data in place, as a {@link BulkData}.
 * Fragments are kept as they are; nothing is decoded.
 */
public final class Fragments {
    private final List<Object> items = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();

    /** Adds a fragment's bytes; {@code streamOffset} is where its item header was read, or -1. */
    public void add(byte[] fragment, long streamOffset) {
        items.add(fragment);
        offsets.add(streamOffset);
    }

    /** Adds a fragment left in place. */
    public void add(BulkData fragment, long streamOffset) {
        items.add(fragment);
        offsets.add(streamOffset);
    }

    /** The items in order: the first is the Basic Offset Table (possibly empty). Each is a byte[] or a BulkData. */
    public List<Object> items() {
        return Collections.unmodifiableList(items);
    }

    public int size() {
        return items.size();
    }

    /** Where the item header of fragment {@code index} was in the stream it was read from, or -1. */
    public long streamOffset(int index) {
        return offsets.get(index);
    }

    /** The length of item {@code index} in bytes. */
    public long length(int index) {
        Object item = items.get(index);
        return item instanceof byte[] b ? b.length : ((BulkData) item).length();
    }
}
