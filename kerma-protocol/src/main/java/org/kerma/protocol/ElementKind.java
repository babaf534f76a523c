package org.kerma.protocol;

import org.kerma.dicom.Tag;

/**
 * The three kinds of protocol element (PS3.3 sections C.34.9 to C.34.14), with the sequences that hold them.
 */
public enum ElementKind {
    ACQUISITION(Tag.AcquisitionProtocolElementSpecificationSequence, Tag.AcquisitionProtocolElementSequence),
    RECONSTRUCTION(Tag.ReconstructionProtocolElementSpecificationSequence, Tag.ReconstructionProtocolElementSequence),
    STORAGE(Tag.StorageProtocolElementSpecificationSequence, Tag.StorageProtocolElementSequence);

    private final int definedSequence;
    private final int performedSequence;

    ElementKind(int definedSequence, int performedSequence) {
        this.definedSequence = definedSequence;
        this.performedSequence = performedSequence;
    }

    /** The sequence of a defined protocol: (0018,991F), (0018,9933) or (0018,9935). */
    public int definedSequence() {
        return definedSequence;
    }

    /** The sequence of a performed protocol: (0018,9920), (0018,9934) or (0018,9936). */
    public int performedSequence() {
        return performedSequence;
    }

    /** "acquisition", "reconstruction", "storage". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
