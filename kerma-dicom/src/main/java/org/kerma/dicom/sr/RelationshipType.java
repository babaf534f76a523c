package org.kerma.dicom.sr;

import java.util.Optional;

/**
 * How a content item relates to its parent, Relationship Type (0040,A010) (PS3.3 section C.17.3.2.4).
 */
public enum RelationshipType {
    CONTAINS("CONTAINS"),
    HAS_PROPERTIES("HAS PROPERTIES"),
    HAS_OBS_CONTEXT("HAS OBS CONTEXT"),
    HAS_ACQ_CONTEXT("HAS ACQ CONTEXT"),
    INFERRED_FROM("INFERRED FROM"),
    SELECTED_FROM("SELECTED FROM"),
    HAS_CONCEPT_MOD("HAS CONCEPT MOD");

    private final String code;

    RelationshipType(String code) {
        this.code = code;
    }

    /** The defined term as written in the data set, e.g. "HAS OBS CONTEXT". */
    public String code() {
        return code;
    }

    /** The relationship named by a defined term; empty for any other text. */
    public static Optional<RelationshipType> of(String code) {
        for (RelationshipType r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
