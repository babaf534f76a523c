package org.kerma.registry.query;

/**
 * A C-FIND request the engine cannot answer, with the failure status a C-FIND SCP should send (PS3.4 C.4.1.1.4):
 * 0xA900 when the identifier does not match the information model (no or an unknown Query/Retrieve Level, a level
 * the model lacks), 0xC000 when the index cannot be searched.
 */
public class QueryException extends RuntimeException {
    /** Identifier does not match SOP Class. */
    public static final int IDENTIFIER_DOES_NOT_MATCH = 0xA900;
    /** Unable to process. */
    public static final int UNABLE_TO_PROCESS = 0xC000;

    private final int status;

    public QueryException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The C-FIND failure status. */
    public int status() {
        return status;
    }
}
