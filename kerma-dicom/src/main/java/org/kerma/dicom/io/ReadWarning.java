package org.kerma.dicom.io;

import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tags;

/**
 * A deviation from the standard that the reader recovered from, with where it was found.
 *
 * @param offset  byte offset in the input
 * @param tag     the tag concerned, or -1
 * @param message what was found and what the reader did about it
 */
public record ReadWarning(long offset, int tag, String message) {
    @Override
    public String toString() {
        return (tag != -1 ? ElementDictionary.standard().describe(tag) + " " : "") + "at byte offset " + offset + ": " + message;
    }

    /** The tag as "(GGGG,EEEE)", or an empty string. */
    public String tagText() {
        return tag != -1 ? Tags.format(tag) : "";
    }
}
