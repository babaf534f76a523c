package org.kerma.dose;

import java.util.Objects;

/**
 * Something a reader could not read as the standard says, or read only after a repair: where (the content item
 * path, e.g. {@code 1.4.2}, or "-" for the data set outside the content tree), how serious, and what.
 *
 * @param severity ERROR: a value is missing from the result; WARNING: a value was read despite a deviation;
 *                 INFO: a vendor deviation was handled as known
 * @param path     the content item path, or "-" when the finding is not about a content item
 * @param message  what is wrong, in words, naming the concept and the value as written
 */
public record Finding(Severity severity, String path, String message) {
    public enum Severity { ERROR, WARNING, INFO }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return severity + " " + path + ": " + message;
    }
}
