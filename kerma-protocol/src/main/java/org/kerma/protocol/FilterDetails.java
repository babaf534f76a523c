package org.kerma.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One item of the X-Ray Filter Details Sequence (0018,11BC) of an XA plane.
 *
 * @param type             Filter Type (0018,1160); "" when absent
 * @param materials        Filter Material (0018,7050), one per filter
 * @param thicknessMinimum Filter Thickness Minimum (0018,7052) in mm, one per material
 * @param thicknessMaximum Filter Thickness Maximum (0018,7054) in mm, one per material
 */
public record FilterDetails(String type, List<String> materials, List<Double> thicknessMinimum,
                            List<Double> thicknessMaximum) {
    public FilterDetails {
        Objects.requireNonNull(type, "type");
        materials = List.copyOf(materials);
        thicknessMinimum = List.copyOf(thicknessMinimum);
        thicknessMaximum = List.copyOf(thicknessMaximum);
    }
}
