package org.kerma.net;

/**
 * One row of the "Trusted Application Entities" table: a peer allowed to associate, and where to reach it as a
 * C-MOVE destination.
 *
 * @param aeTitle the peer's AE title
 * @param host    the peer's host name or address
 * @param port    the peer's listening port (for C-MOVE sub-operations)
 */
public record TrustedNode(String aeTitle, String host, int port) {
    public TrustedNode {
        if (aeTitle == null || aeTitle.isBlank() || aeTitle.length() > 16) {
            throw new IllegalArgumentException("AE title must be 1 to 16 characters: '" + aeTitle + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
