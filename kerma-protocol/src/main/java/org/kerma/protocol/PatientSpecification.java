package org.kerma.protocol;

import java.util.List;

/**
 * The Patient Specification Module (PS3.3 section C.34.5): constraints on the patients a protocol applies to, such
 * as Patient's Age (0010,1010) GREATER_THAN 018Y, each an item of the Patient Specification Sequence (0018,9911).
 *
 * @param constraints the constraints, in sequence order
 */
public record PatientSpecification(List<AttributeValueConstraint> constraints) {
    public PatientSpecification {
        constraints = List.copyOf(constraints);
    }
}
