package org.kerma.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kerma.dicom.DicomObject;

/**
 * One acquisition, reconstruction or storage protocol element of a defined or performed protocol (PS3.3 sections
 * C.34.9 to C.34.14; identification by the Protocol Element Identification Macro, section 10.28).
 *
 * <p>In a defined protocol the element's parameters are {@link #constraints}; in a performed protocol they are the
 * attributes of {@link #attributes} (the item itself), against which the defined element's constraints are checked.
 *
 * @param kind                       acquisition, reconstruction or storage
 * @param number                     Protocol Element Number (0018,9921); 0 when missing (a finding says so)
 * @param name                       Protocol Element Name (0018,9922); "" when absent
 * @param purpose                    Protocol Element Purpose (0018,9924); "" when absent
 * @param characteristicsSummary     Protocol Element Characteristics Summary (0018,9923); "" when absent
 * @param requestedSeriesDescription Requested Series Description (0018,9937); "" when absent
 * @param sourceAcquisitionElements  Source Acquisition Protocol Element Number (0018,9938)
 * @param sourceReconstructionElements Source Reconstruction Protocol Element Number (0018,993A)
 * @param sourceAcquisitionBeams     Source Acquisition Beam Number (0018,9939)
 * @param sourceInstance             the protocol instance holding the source elements (Referenced SOP Class and
 *                                   Instance UID in the item) when it is not this one
 * @param planes                     XA Plane Details Sequence (0018,11BA) items
 * @param outputs                    Output Information Sequence (0040,4033) items, for storage elements
 * @param constraints                Parameters Specification Sequence (0018,9913) items, for defined elements
 * @param attributes                 the element's item as read; shared, not to be modified
 * @param path                       the item path, e.g. {@code AcquisitionProtocolElementSequence[2]}
 */
public record ProtocolElement(ElementKind kind, int number, String name, String purpose,
                              String characteristicsSummary, String requestedSeriesDescription,
                              List<Integer> sourceAcquisitionElements, List<Integer> sourceReconstructionElements,
                              List<Integer> sourceAcquisitionBeams, Optional<InstanceReference> sourceInstance,
                              List<XaPlane> planes, List<StorageOutput> outputs,
                              List<AttributeValueConstraint> constraints, DicomObject attributes, String path) {

    public ProtocolElement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(characteristicsSummary, "characteristicsSummary");
        Objects.requireNonNull(requestedSeriesDescription, "requestedSeriesDescription");
        sourceAcquisitionElements = List.copyOf(sourceAcquisitionElements);
        sourceReconstructionElements = List.copyOf(sourceReconstructionElements);
        sourceAcquisitionBeams = List.copyOf(sourceAcquisitionBeams);
        Objects.requireNonNull(sourceInstance, "sourceInstance");
        planes = List.copyOf(planes);
        outputs = List.copyOf(outputs);
        constraints = List.copyOf(constraints);
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(path, "path");
    }

    /** "acquisition 3 ROTATIONAL SUB", for tables and messages. */
    public String label() {
        return kind.label() + " " + number + (name.isEmpty() ? "" : " " + name);
    }
}
