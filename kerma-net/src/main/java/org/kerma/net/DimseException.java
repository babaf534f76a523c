package org.kerma.net;

import java.io.IOException;

/**
 * A local failure of a DICOM exchange: the association was rejected or aborted, timed out, or had no presentation
 * context for what was asked. Never a peer's DIMSE status: those are {@link Status} values. Each subclass carries
 * structured fields; all carry the association's name (e.g. "KERMA<-CT1 #12") for logs.
 */
public class DimseException extends IOException {

    private final String association;

    public DimseException(String association, String message) {
        super(association + ": " + message);
        this.association = association;
    }

    public DimseException(String association, String message, Throwable cause) {
        super(association + ": " + message, cause);
        this.association = association;
    }

    /** The name of the association the failure happened on. */
    public String association() {
        return association;
    }
}
