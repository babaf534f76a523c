package org.kerma.dicom;

import java.util.Objects;

/**
 * One UID registered by the standard (PS3.6 Annex A).
 *
 * @param uid     the UID, e.g. "1.2.840.10008.1.2.1"
 * @param name    the registered name, e.g. "Explicit VR Little Endian"; empty for the few retired UIDs whose name
 *                the standard no longer lists
 * @param keyword the registered keyword, e.g. {@code ExplicitVRLittleEndian}; may be empty
 * @param type    what the UID identifies
 * @param retired true when the standard lists the UID as retired
 */
public record UidEntry(String uid, String name, String keyword, UidType type, boolean retired) {

    /** Checks that no component is null. */
    public UidEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(type, "type");
    }
}
