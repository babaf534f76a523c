package org.kerma.registry.ingest;

import java.util.Locale;

/**
 * What to do with a second copy of an instance (same SOP Instance UID) whose bytes differ from the archived one.
 * A copy with identical bytes is always just counted. Every duplicate is recorded in the index.
 */
public enum DuplicatePolicy {
    /** Keep the archived copy and drop the new one (the default: what was acknowledged first stays). */
    KEEP_FIRST,
    /** Archive the new copy in place of the old one and index it. */
    REPLACE,
    /** Archive the new copy beside the old one; the index keeps pointing at the first. */
    KEEP_BOTH;

    /** Parses {@code keep-first}, {@code replace} or {@code keep-both} (any case, '_' or '-'). */
    public static DuplicatePolicy parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DuplicatePolicy p : values()) {
            if (p.name().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown duplicate policy '" + text
                + "': expected keep-first, replace or keep-both");
    }

    /** The configuration form, e.g. {@code keep-first}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
