package org.kerma.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kerma.dicom.Code;

/**
 * The Patient Positioning Module (PS3.3 section C.34.8), the parts a registry groups by.
 *
 * @param patientPosition          Protocol Defined Patient Position (0018,9947), e.g. HFS; "" when absent
 * @param anatomicRegion           Anatomic Region Sequence (0008,2218)
 * @param primaryAnatomicStructures Primary Anatomic Structure Sequence (0008,2228)
 */
public record PatientPositioning(String patientPosition, Optional<Code> anatomicRegion,
                                 List<Code> primaryAnatomicStructures) {
    public PatientPositioning {
        Objects.requireNonNull(patientPosition, "patientPosition");
        Objects.requireNonNull(anatomicRegion, "anatomicRegion");
        primaryAnatomicStructures = List.copyOf(primaryAnatomicStructures);
    }
}
