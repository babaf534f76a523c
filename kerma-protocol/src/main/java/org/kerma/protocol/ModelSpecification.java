package org.kerma.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One item of the Model Specification Sequence (0018,9912) (PS3.3 section C.34.6.1): equipment a protocol is for.
 *
 * @param manufacturer       Manufacturer (0008,0070)
 * @param modelGroup         Manufacturer's Related Model Group (0008,0222); "" when absent
 * @param modelName          Manufacturer's Model Name (0008,1090); "" when absent
 * @param softwareVersions   Software Versions (0018,1020)
 * @param deviceSerialNumber Device Serial Number (0018,1000); "" when absent
 */
public record ModelSpecification(String manufacturer, String modelGroup, String modelName,
                                 List<String> softwareVersions, String deviceSerialNumber) {
    public ModelSpecification {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(modelGroup, "modelGroup");
        Objects.requireNonNull(modelName, "modelName");
        softwareVersions = List.copyOf(softwareVersions);
        Objects.requireNonNull(deviceSerialNumber, "deviceSerialNumber");
    }
}
