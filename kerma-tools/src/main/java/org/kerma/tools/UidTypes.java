package org.kerma.tools;

import java.util.Map;
import java.util.Optional;
import org.kerma.dicom.UidType;

/** Maps the "UID Type" texts of PS3.6 Table A-1, as pydicom writes them, to {@link UidType}. */
final class UidTypes {
    private static final Map<String, UidType> BY_TEXT = Map.ofEntries(
            Map.entry("Transfer Syntax", UidType.TRANSFER_SYNTAX),
            Map.entry("SOP Class", UidType.SOP_CLASS),
            Map.entry("Meta SOP Class", UidType.META_SOP_CLASS),
            Map.entry("Well-known SOP Instance", UidType.WELL_KNOWN_SOP_INSTANCE),
            Map.entry("Well-known frame of reference", UidType.FRAME_OF_REFERENCE),
            Map.entry("Well-known Frame of Reference", UidType.FRAME_OF_REFERENCE),
            Map.entry("Coding Scheme", UidType.CODING_SCHEME),
            Map.entry("DICOM UIDs as a Coding Scheme", UidType.CODING_SCHEME),
            Map.entry("Application Context Name", UidType.APPLICATION_CONTEXT),
            Map.entry("LDAP OID", UidType.LDAP_OID),
            Map.entry("Synchronization Frame of Reference", UidType.SYNCHRONIZATION_FRAME_OF_REFERENCE),
            Map.entry("Service Class", UidType.SERVICE_CLASS),
            Map.entry("Application Hosting Model", UidType.APPLICATION_HOSTING_MODEL),
            Map.entry("Mapping Resource", UidType.MAPPING_RESOURCE),
            Map.entry("Context Group Name", UidType.CONTEXT_GROUP_NAME));

    private UidTypes() {
    }

    /** The type for pydicom's text, or empty when the text is not one of PS3.6's (the caller uses OTHER). */
    static Optional<UidType> fromPydicom(String text) {
        return Optional.ofNullable(BY_TEXT.get(text));
    }
}
