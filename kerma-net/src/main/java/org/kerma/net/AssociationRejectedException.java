package org.kerma.net;

import org.kerma.net.pdu.AssociateRj;

/** The peer answered A-ASSOCIATE-RJ (PS3.8 section 9.3.4): result, source and reason as received. */
public final class AssociationRejectedException extends DimseException {

    private final int result;
    private final int source;
    private final int reason;

    public AssociationRejectedException(String association, int result, int source, int reason) {
        super(association, "association rejected: " + new AssociateRj(result, source, reason).describe());
        this.result = result;
        this.source = source;
        this.reason = reason;
    }

    /** 1 rejected-permanent, 2 rejected-transient. */
    public int result() {
        return result;
    }

    /** 1 service-user, 2 service-provider (ACSE), 3 service-provider (presentation). */
    public int source() {
        return source;
    }

    /** The reason code; meaning depends on {@link #source()} (PS3.8 Table 9-21). */
    public int reason() {
        return reason;
    }
}
