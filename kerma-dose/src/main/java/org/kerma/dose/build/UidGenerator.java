package org.kerma.dose.build;

import java.math.BigInteger;
import java.util.UUID;

/**
 * Fresh UIDs under a configurable root (PS3.5 section 9): {@code root.N} where N is a random UUID read as an unsigned
 * integer, cut to keep the UID within 64 characters. The default root {@code 2.25} is the UUID-derived arc of PS3.5
 * B.2, which needs no registration.
 */
public final class UidGenerator {
    private final String root;

    public UidGenerator(String root) {
        if (!root.matches("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*") || root.length() > 44) {
            throw new RdsrBuildException("UID root", "'" + root
                    + "' is not a UID root (digits and dots, no leading zeros, at most 44 characters)");
        }
        this.root = root;
    }

    public String root() {
        return root;
    }

    /** A new UID. */
    public String next() {
        UUID u = UUID.randomUUID();
        BigInteger n = new BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array());
        String digits = n.toString();
        int room = 64 - root.length() - 1;
        if (digits.length() > room) {
            digits = digits.substring(0, room);
        }
        digits = digits.replaceFirst("^0+(?=.)", "");
        return root + "." + digits;
    }
}
