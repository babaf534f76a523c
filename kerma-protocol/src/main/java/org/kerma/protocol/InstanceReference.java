package org.kerma.protocol;

import java.util.Objects;

/**
 * A reference to a SOP Instance (PS3.3 Table 10-11, SOP Instance Reference Macro).
 *
 * @param sopClassUid    Referenced SOP Class UID (0008,1150); "" when absent
 * @param sopInstanceUid Referenced SOP Instance UID (0008,1155); "" when absent
 */
public record InstanceReference(String sopClassUid, String sopInstanceUid) {
    public InstanceReference {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
    }
}
