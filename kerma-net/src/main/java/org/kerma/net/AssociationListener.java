package org.kerma.net;

/**
 * Observes the associations of a {@link DicomNode}: what was accepted, rejected, and how each ended. Unlike the
 * service handlers, listeners answer nothing and cannot change the outcome: an exception they throw is logged and
 * ignored. Called on the association's thread; keep them quick. Every method has an empty default.
 */
public interface AssociationListener {

    /** The association was accepted (A-ASSOCIATE-AC sent). */
    default void accepted(Association association) {
    }

    /**
     * A request was rejected (A-ASSOCIATE-RJ sent).
     *
     * @param name      the association's name, e.g. "KERMA<-CT1#7"
     * @param callingAe the requestor's AE title
     * @param reason    result, source and reason in the standard's words
     */
    default void rejected(String name, String callingAe, String reason) {
    }

    /**
     * The connection of an association (or of a request that never became one) is closed.
     *
     * @param name     the association's name
     * @param released true after an orderly A-RELEASE
     * @param reason   "released", or what ended it: the A-ABORT received or sent and why, the invalid PDU with its
     *                 byte offset and limit, the timeout, the closed connection
     */
    default void ended(String name, boolean released, String reason) {
    }
}
