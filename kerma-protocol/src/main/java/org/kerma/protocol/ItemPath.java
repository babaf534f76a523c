package org.kerma.protocol;

import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tags;

/** Builds the item paths of findings: keywords joined by dots, items numbered from 1. */
final class ItemPath {
    static final ItemPath ROOT = new ItemPath("");

    private final String text;

    private ItemPath(String text) {
        this.text = text;
    }

    /** The path of the {@code number}-th item (from 1) of sequence {@code tag} below this one. */
    ItemPath item(int tag, int number) {
        return new ItemPath(join(name(tag)) + "[" + number + "]");
    }

    /** The path of attribute {@code tag} in this item. */
    String attribute(int tag) {
        return join(name(tag));
    }

    private String join(String next) {
        return text.isEmpty() ? next : text + "." + next;
    }

    static String name(int tag) {
        String keyword = ElementDictionary.standard().keywordOf(tag);
        return keyword.isEmpty() ? Tags.format(tag) : keyword;
    }

    @Override
    public String toString() {
        return text;
    }
}
