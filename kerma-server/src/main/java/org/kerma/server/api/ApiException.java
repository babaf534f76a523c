package org.kerma.server.api;

/** A request the API answers with an error status and a JSON body {@code {"status": N, "message": "..."}}. */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiException notFound(String what) {
        return new ApiException(404, what + " is not in the registry");
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
