package org.kerma.net;

import java.time.Duration;

/** No answer or no data within the configured timeout; the association was aborted (A-ABORT sent). */
public final class DimseTimeoutException extends DimseException {

    private final Duration timeout;

    public DimseTimeoutException(String association, String waitingFor, Duration timeout) {
        super(association, "timed out after " + timeout.toMillis() + " ms awaiting " + waitingFor
                + "; association aborted");
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
