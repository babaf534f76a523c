package org.kerma.net;

/**
 * A DIMSE status code (Status (0000,0900), PS3.7 Annex C), an open value: any code a peer sends is representable,
 * and its {@link #category()} follows from the ranges of PS3.7 C.1 to C.5 (with the service-specific ranges of
 * PS3.4 Annex B and C).
 *
 * @param code the 16-bit status value
 */
public record Status(int code) {

    /** The class of a status (PS3.7 Annex C). */
    public enum Category { SUCCESS, PENDING, WARNING, FAILURE, CANCEL }

    public static final Status SUCCESS = new Status(0x0000);
    /** Pending: matches or sub-operations are continuing (PS3.4 C.4.1.1.4). */
    public static final Status PENDING = new Status(0xFF00);
    /** Pending: matches continue, one or more optional keys were not supported. */
    public static final Status PENDING_WARNING = new Status(0xFF01);
    /** Cancel: the operation was terminated by a C-CANCEL (PS3.7 C.3). */
    public static final Status CANCEL = new Status(0xFE00);
    /** Warning: sub-operations complete, one or more failures or warnings (PS3.4 C.4.2.1.5). */
    public static final Status SUB_OPERATIONS_COMPLETE_WITH_FAILURES = new Status(0xB000);
    /** Warning: coercion of data elements (PS3.4 B.2.3). */
    public static final Status COERCION_OF_DATA_ELEMENTS = new Status(0xB000);
    /** Warning: elements discarded (PS3.4 B.2.3). */
    public static final Status ELEMENTS_DISCARDED = new Status(0xB007);
    /** Failure: processing failure (PS3.7 C.4.2). */
    public static final Status PROCESSING_FAILURE = new Status(0x0110);
    /** Failure: duplicate SOP instance (PS3.7 C.4.5). */
    public static final Status DUPLICATE_SOP_INSTANCE = new Status(0x0111);
    /** Failure: SOP class not supported (PS3.7 C.5.9). */
    public static final Status SOP_CLASS_NOT_SUPPORTED = new Status(0x0122);
    /** Failure: unrecognized operation (PS3.7 C.5.2). */
    public static final Status UNRECOGNIZED_OPERATION = new Status(0x0211);
    /** Failure: refused, out of resources (PS3.4 B.2.3, C.4.1.1.4). */
    public static final Status OUT_OF_RESOURCES = new Status(0xA700);
    /** Failure: out of resources, unable to calculate number of matches (C-MOVE/C-GET, PS3.4 C.4.2.1.5). */
    public static final Status OUT_OF_RESOURCES_NUMBER_OF_MATCHES = new Status(0xA701);
    /** Failure: out of resources, unable to perform sub-operations (PS3.4 C.4.2.1.5). */
    public static final Status OUT_OF_RESOURCES_SUB_OPERATIONS = new Status(0xA702);
    /** Failure: move destination unknown (PS3.4 C.4.2.1.5). */
    public static final Status MOVE_DESTINATION_UNKNOWN = new Status(0xA801);
    /** Failure: identifier does not match SOP class (PS3.4 C.4.1.1.4). */
    public static final Status IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = new Status(0xA900);
    /** Failure: unable to process / cannot understand (0xC000 to 0xCFFF, PS3.4 B.2.3, C.4.1.1.4). */
    public static final Status UNABLE_TO_PROCESS = new Status(0xC000);

    public Status {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("status " + code + " is not a 16-bit value");
        }
    }

    /** The status for a code: never throws for a 16-bit value. */
    public static Status of(int code) {
        return new Status(code);
    }

    /** The class this code belongs to. */
    public Category category() {
        if (code == 0x0000) {
            return Category.SUCCESS;
        }
        if (code == 0xFF00 || code == 0xFF01) {
            return Category.PENDING;
        }
        if (code == 0xFE00) {
            return Category.CANCEL;
        }
        if (code == 0x0001 || code == 0x0107 || code == 0x0116 || (code & 0xF000) == 0xB000) {
            return Category.WARNING;
        }
        return Category.FAILURE;
    }

    public boolean isSuccess() {
        return category() == Category.SUCCESS;
    }

    public boolean isPending() {
        return category() == Category.PENDING;
    }

    public boolean isFailure() {
        return category() == Category.FAILURE;
    }

    /** The standard's meaning of well-known codes, else the category. */
    public String meaning() {
        return switch (code) {
            case 0x0000 -> "Success";
            case 0xFF00 -> "Pending";
            case 0xFF01 -> "Pending: optional keys not supported";
            case 0xFE00 -> "Cancel";
            case 0x0001 -> "Warning: requested optional attributes are not supported";
            case 0xB000 -> "Warning: coercion of data elements / sub-operations complete with failures";
            case 0xB006 -> "Warning: elements discarded";
            case 0xB007 -> "Warning: data set does not match SOP class";
            case 0x0110 -> "Failure: processing failure";
            case 0x0111 -> "Failure: duplicate SOP instance";
            case 0x0122 -> "Failure: SOP class not supported";
            case 0x0211 -> "Failure: unrecognized operation";
            case 0xA700 -> "Failure: refused, out of resources";
            case 0xA701 -> "Failure: out of resources, unable to calculate number of matches";
            case 0xA702 -> "Failure: out of resources, unable to perform sub-operations";
            case 0xA801 -> "Failure: move destination unknown";
            case 0xA900 -> "Failure: identifier does not match SOP class";
            default -> switch (category()) {
                case WARNING -> "Warning";
                case FAILURE -> (code & 0xF000) == 0xC000 ? "Failure: unable to process" : "Failure";
                default -> category().name();
            };
        };
    }

    @Override
    public String toString() {
        return String.format("%04X (%s)", code, meaning());
    }
}
