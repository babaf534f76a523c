package org.kerma.standard.validate;

/** How serious a validation finding is. */
public enum Severity {
    /** The object violates the standard. */
    ERROR,
    /** Allowed but suspicious, or an error found by a rule not yet checked against PS3.3 (hand-kept tables). */
    WARNING,
    /** A rule could not be checked: its condition cannot be evaluated, or the module's table is not tabulated. */
    NOT_CHECKED
}
