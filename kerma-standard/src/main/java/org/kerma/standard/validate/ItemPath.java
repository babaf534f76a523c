package org.kerma.standard.validate;

import org.kerma.dicom.Tags;

/**
 * Where a sequence item sits in the tree, built as the walk descends and turned into text ({@code
 * BeamSequence[2]>WedgeSequence[1]}, items 1-based) only when a finding needs it.
 */
final class ItemPath {
    static final ItemPath ROOT = new ItemPath(null, "", -1, 0);

    private final ItemPath parent;
    private final String sequence;
    private final int tag;
    private final int index;

    private ItemPath(ItemPath parent, String sequence, int tag, int index) {
        this.parent = parent;
        this.sequence = sequence;
        this.tag = tag;
        this.index = index;
    }

    /** The path of item {@code index} (0-based) of {@code sequence} in the item at this path. */
    ItemPath item(String sequence, int index) {
        return new ItemPath(this, sequence, -1, index);
    }

    /**
     * The path of item {@code index} (0-based) of the sequence {@code tag}, named by its keyword (or its tag, when
     * the dictionary has none) only when the text is needed.
     */
    ItemPath item(int tag, int index) {
        return new ItemPath(this, null, tag, index);
    }

    private String sequenceName() {
        if (sequence != null) {
            return sequence;
        }
        String keyword = IodValidator.keyword(tag);
        return keyword.isEmpty() ? Tags.format(tag) : keyword;
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "";
        }
        String here = sequenceName() + "[" + (index + 1) + "]";
        String above = parent.toString();
        return above.isEmpty() ? here : above + ">" + here;
    }
}
