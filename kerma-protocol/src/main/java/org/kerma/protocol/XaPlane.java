package org.kerma.protocol;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One item of the XA Plane Details Sequence (0018,11BA) of an XA acquisition protocol element: the settings of one
 * plane of a mono- or biplane system.
 *
 * @param planeIdentification   Plane Identification (0018,9457), e.g. PLANE A; "" when absent
 * @param fieldOfViewLabel      Acquisition Field of View Label (0018,11BB); "" when absent
 * @param fieldOfViewDimensions Field of View Dimension(s) in Float (0018,9461) in mm
 * @param scanArc               Primary Positioner Scan Arc (0018,9508) in degrees, for rotational acquisitions
 * @param rotationStep          Primary Positioner Increment (0018,9514) in degrees between frames
 * @param filters               X-Ray Filter Details Sequence (0018,11BC)
 */
public record XaPlane(String planeIdentification, String fieldOfViewLabel, List<Double> fieldOfViewDimensions,
                      OptionalDouble scanArc, OptionalDouble rotationStep, List<FilterDetails> filters) {
    public XaPlane {
        Objects.requireNonNull(planeIdentification, "planeIdentification");
        Objects.requireNonNull(fieldOfViewLabel, "fieldOfViewLabel");
        fieldOfViewDimensions = List.copyOf(fieldOfViewDimensions);
        Objects.requireNonNull(scanArc, "scanArc");
        Objects.requireNonNull(rotationStep, "rotationStep");
        filters = List.copyOf(filters);
    }
}
