package org.kerma.dicom;

/**
 * What a registered UID identifies: the "UID Type" column of PS3.6 Table A-1 (and the context group table A-3).
 * A type that a newer edition adds and Kerma does not know yet reads as {@link #OTHER}.
 */
public enum UidType {
    TRANSFER_SYNTAX,
    SOP_CLASS,
    META_SOP_CLASS,
    WELL_KNOWN_SOP_INSTANCE,
    /** A well-known frame of reference (e.g. Talairach Brain Atlas Frame of Reference). */
    FRAME_OF_REFERENCE,
    /** A coding scheme, including "DICOM UIDs as a Coding Scheme". */
    CODING_SCHEME,
    APPLICATION_CONTEXT,
    LDAP_OID,
    SYNCHRONIZATION_FRAME_OF_REFERENCE,
    SERVICE_CLASS,
    APPLICATION_HOSTING_MODEL,
    MAPPING_RESOURCE,
    CONTEXT_GROUP_NAME,
    OTHER;

    /** The constant with this name, or {@link #OTHER} when there is none; never throws for a non-null name. */
    public static UidType ofName(String name) {
        for (UidType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return OTHER;
    }
}
