package org.kerma.net;

/**
 * Thrown by a service handler to answer with a specific failure or warning {@link Status} and Error Comment
 * (0000,0902). Any other exception from a handler is answered with a failure status and the exception's message as
 * the comment; in both cases the association lives on.
 */
public final class StatusException extends RuntimeException {

    private final Status status;

    public StatusException(Status status, String errorComment) {
        super(errorComment);
        this.status = status;
    }

    public Status status() {
        return status;
    }

    /** The comment, at most 64 characters as the LO VR allows. */
    public String errorComment() {
        return truncate(getMessage());
    }

    static String truncate(String s) {
        if (s == null) {
            return "";
        }
        String clean = s.replace('\\', '/').replaceAll("[\\r\\n]", " ");
        return clean.length() <= 64 ? clean : clean.substring(0, 64);
    }
}
