package org.kerma.net;

/**
 * The association ended abnormally: an A-ABORT from the peer or from this side, an invalid PDU, or the transport
 * connection closing while the association existed (A-P-ABORT, PS3.8 section 7.4).
 */
public final class AssociationAbortedException extends DimseException {

    private final boolean byPeer;
    private final int source;
    private final int reason;

    /**
     * @param byPeer true when the peer sent A-ABORT or closed the connection
     * @param source A-ABORT source (0 service-user, 2 service-provider), or -1 for a closed connection
     * @param reason A-ABORT reason, or -1
     */
    public AssociationAbortedException(String association, String message, boolean byPeer, int source, int reason) {
        super(association, message);
        this.byPeer = byPeer;
        this.source = source;
        this.reason = reason;
    }

    public boolean byPeer() {
        return byPeer;
    }

    public int source() {
        return source;
    }

    public int reason() {
        return reason;
    }
}
