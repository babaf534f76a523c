package org.kerma.dicom;

/**
 * A value that does not fit its VR: thrown by the typed getters and setters of {@link DicomObject}, naming the tag,
 * its keyword, the VR and the offending text.
 */
public class InvalidValueException extends IllegalArgumentException {
    private final int tag;
    private final VR vr;

    public InvalidValueException(int tag, VR vr, String value, String reason) {
        super(ElementDictionary.standard().describe(tag) + " " + vr + " value '" + value + "': " + reason);
        this.tag = tag;
        this.vr = vr;
    }

    public int tag() {
        return tag;
    }

    public VR vr() {
        return vr;
    }
}
