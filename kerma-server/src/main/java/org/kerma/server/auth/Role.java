package org.kerma.server.auth;

import java.util.Locale;

/**
 * What a user may see and do. Each role includes the one before it: a physicist sees what a viewer sees, an admin
 * what a physicist sees.
 */
public enum Role {
    /** Studies and dose values, never patient identifiers (name, ID, birth date). */
    VIEWER,
    /** All dose data, with patient identifiers; alerts and reference levels. */
    PHYSICIST,
    /** Everything, and the users. */
    ADMIN;

    /** Whether this role may see patient name, ID and birth date (in pages, REST answers and exports). */
    public boolean seesPatientIdentifiers() {
        return this != VIEWER;
    }

    /** Whether this role includes {@code other}. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The lower-case name used in the CLI, JSON and the database. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses viewer, physicist or admin (any case). */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("a role is viewer, physicist or admin, was '" + text + "'");
    }
}
