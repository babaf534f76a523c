package org.kerma.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The Equipment Specification Module (PS3.3 section C.34.6): the modality and the equipment models a defined
 * protocol applies to.
 *
 * @param modality Equipment Modality (0008,0221), e.g. CT or XA; "" when absent
 * @param models   the Model Specification Sequence (0018,9912)
 */
public record EquipmentSpecification(String modality, List<ModelSpecification> models) {
    public EquipmentSpecification {
        Objects.requireNonNull(modality, "modality");
        models = List.copyOf(models);
    }
}
