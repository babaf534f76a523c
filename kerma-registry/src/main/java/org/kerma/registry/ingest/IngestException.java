package org.kerma.registry.ingest;

/**
 * An object could not be ingested, and nothing of it was kept: it must not be acknowledged. The message names the
 * object (file, association and message, SOP Instance UID) and the reason; {@link #reason()} says which C-STORE
 * failure status fits (PS3.4 Table B.2-1).
 */
public class IngestException extends Exception {

    /** Why ingest failed, with the C-STORE status a handler should answer. */
    public enum Reason {
        /** The bytes are not a readable DICOM object: 0xC000 (Cannot understand). */
        CANNOT_UNDERSTAND(0xC000),
        /** The data set lacks an identifying attribute (SOP, study or series UID): 0xA900. */
        DATA_SET_DOES_NOT_MATCH_SOP_CLASS(0xA900),
        /** The data set's SOP Class or Instance UID differs from the request's: 0xA900. */
        UID_MISMATCH(0xA900),
        /** The disk or another local resource ran out: 0xA700 (Out of resources). */
        OUT_OF_RESOURCES(0xA700),
        /** The index database failed: 0xA700 (Out of resources), so the sender retries later. */
        INDEX_UNAVAILABLE(0xA700);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        /** The C-STORE failure status for this reason. */
        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public IngestException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
