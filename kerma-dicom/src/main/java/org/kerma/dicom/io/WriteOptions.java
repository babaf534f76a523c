package org.kerma.dicom.io;

/**
 * How to encode lengths when writing. Immutable; start from {@link #DEFAULT}.
 *
 * @param sequenceLengths how sequences and items give their length
 * @param deflateLevel    compression level 0-9 for the deflated transfer syntax
 */
public record WriteOptions(LengthEncoding sequenceLengths, int deflateLevel) {

    /** Lengths of sequences and items. */
    public enum LengthEncoding {
        /** As each sequence and item was read (new ones: undefined); reproduces the input byte for byte. */
        AS_READ,
        /** Undefined length with delimitation items everywhere. */
        UNDEFINED,
        /** Explicit lengths everywhere, but for unknown sequences in implicit VR (see {@link DicomWriter}). */
        DEFINED
    }

    public static final WriteOptions DEFAULT = new WriteOptions(LengthEncoding.AS_READ, 6);

    public WriteOptions {
        if (sequenceLengths == null || deflateLevel < 0 || deflateLevel > 9) {
            throw new IllegalArgumentException("sequence lengths must be given and the deflate level 0-9, was "
                    + sequenceLengths + ", " + deflateLevel);
        }
    }

    public WriteOptions withSequenceLengths(LengthEncoding encoding) {
        return new WriteOptions(encoding, deflateLevel);
    }
}
