package org.kerma.net.pdu;

import java.io.IOException;

/**
 * Bytes that are not a valid PDU: a length beyond its limit or its enclosing item, an unknown PDU type, a field
 * out of range. Carries the byte offset in the stream (counted from the first byte read on the connection) and the
 * limit that was broken, and the A-ABORT reason the state machine should send (PS3.8 Table 9-26).
 */
public final class PduFormatException extends IOException {

    private final long offset;
    private final long limit;
    private final int abortReason;

    public PduFormatException(String message, long offset, long limit, int abortReason) {
        super(message + " (at byte offset " + offset + (limit >= 0 ? ", limit " + limit : "") + ")");
        this.offset = offset;
        this.limit = limit;
        this.abortReason = abortReason;
    }

    /** Byte offset on the connection where the fault was found. */
    public long offset() {
        return offset;
    }

    /** The limit the value broke, or -1 when there is none. */
    public long limit() {
        return limit;
    }

    /** The A-ABORT reason code for this fault. */
    public int abortReason() {
        return abortReason;
    }
}
