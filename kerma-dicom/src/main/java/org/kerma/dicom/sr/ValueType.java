package org.kerma.dicom.sr;

import java.util.Optional;

/**
 * The value type of an SR content item, Value Type (0040,A040) (PS3.3 section C.17.3.2.1, Table C.17-5). A closed
 * set: a code outside it is not a value type of the standard, and {@link #of(String)} says so with an empty result.
 */
public enum ValueType {
    CONTAINER, TEXT, CODE, NUM, UIDREF, DATETIME, DATE, TIME, PNAME, IMAGE, COMPOSITE, WAVEFORM, SCOORD, SCOORD3D,
    TCOORD, TABLE;

    /** The value type named by a Value Type code as written in the item (e.g. "NUM"); empty for any other text. */
    public static Optional<ValueType> of(String code) {
        for (ValueType v : values()) {
            if (v.name().equals(code)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
