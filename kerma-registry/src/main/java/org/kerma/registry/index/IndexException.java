package org.kerma.registry.index;

/**
 * The index database failed (unreachable, full, constraint broken); the message says which operation on what.
 * Unchecked: callers at the edge (a C-STORE handler, a command) turn it into a failure status or an exit code.
 */
public class IndexException extends RuntimeException {
    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
