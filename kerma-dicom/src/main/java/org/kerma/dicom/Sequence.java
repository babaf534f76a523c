package org.kerma.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The value of an SQ element: an ordered list of items, each a {@link DicomObject} whose parent is the data set
 * holding the sequence (so items inherit Specific Character Set). Remembers whether it was encoded with undefined
 * length, so that an unmodified object is written back as it was read.
 */
public final class Sequence {
    private final DicomObject owner;
    private final List<DicomObject> items = new ArrayList<>();
    private boolean undefinedLength = true;

    Sequence(DicomObject owner) {
        this.owner = owner;
    }

    /** Appends a new empty item and returns it. */
    public DicomObject addItem() {
        DicomObject item = new DicomObject(owner);
        items.add(item);
        return item;
    }

    /** The items, in order; a read-only view. */
    public List<DicomObject> items() {
        return Collections.unmodifiableList(items);
    }

    public DicomObject item(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public void removeItem(int index) {
        items.remove(index);
    }

    /** The data set that holds this sequence. */
    public DicomObject owner() {
        return owner;
    }

    /** True when the sequence was read with (or is to be written with) undefined length. New sequences: true. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    public void undefinedLength(boolean undefined) {
        this.undefinedLength = undefined;
    }
}
