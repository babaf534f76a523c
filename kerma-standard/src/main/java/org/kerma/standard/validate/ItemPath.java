package org.kerma.standard.validate;

/**
 * Where a sequence item sits in the tree, built as the walk descends and turned into text ({@code
 * BeamSequence[2]>WedgeSequence[1]}, items 1-based) only when a finding needs it.
 */
final class ItemPath {
    static final ItemPath ROOT = new ItemPath(null, "", 0);

    private final ItemPath parent;
    private final String sequence;
    private final int index;

    private ItemPath(ItemPath parent, String sequence, int index) {
        this.parent = parent;
        this.sequence = sequence;
        this.index = index;
    }

    /** The path of item {@code index} (0-based) of {@code sequence} in the item at this path. */
    ItemPath item(String sequence, int index) {
        return new ItemPath(this, sequence, index);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "";
        }
        String here = sequence + "[" + (index + 1) + "]";
        String above = parent.toString();
        return above.isEmpty() ? here : above + ">" + here;
    }
}
