package org.kerma.dose.technique;

import java.util.Locale;
import java.util.Optional;

/**
 * The equipment that produced an object (PS3.3 C.7.5.1 General Equipment Module, C.7.6.1 Device UID), or that
 * observed a dose (TID 1004 Device Observer Identifying Attributes). Empty values are absent.
 *
 * @param manufacturer  Manufacturer (0008,0070) or Device Observer Manufacturer (121014)
 * @param modelName     Manufacturer's Model Name (0008,1090) or Device Observer Model Name (121015)
 * @param serialNumber  Device Serial Number (0018,1000) or Device Observer Serial Number (121016)
 * @param stationName   Station Name (0008,1010) or Device Observer Name (121013)
 * @param deviceUid     Device UID (0018,1002) or Device Observer UID (121012)
 */
public record Device(Optional<String> manufacturer, Optional<String> modelName, Optional<String> serialNumber,
        Optional<String> stationName, Optional<String> deviceUid) {

    /** A device of which nothing is known. */
    public static final Device UNKNOWN = new Device(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /**
     * Whether two descriptions name the same device: equal device UIDs, or equal manufacturer and serial number
     * (compared without case and surrounding spaces). Two devices of which one lacks both is never the same: the
     * time-window link needs the device established.
     */
    public boolean sameAs(Device other) {
        if (deviceUid.isPresent() && deviceUid.equals(other.deviceUid)) {
            return true;
        }
        return manufacturer.isPresent() && serialNumber.isPresent()
                && norm(manufacturer).equals(norm(other.manufacturer))
                && norm(serialNumber).equals(norm(other.serialNumber));
    }

    private static String norm(Optional<String> s) {
        return s.map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse("\0");
    }

    /** "GE Healthcare Optima XR220 #87654", the parts that are known. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        manufacturer.ifPresent(m -> b.append(m));
        modelName.ifPresent(m -> b.append(b.isEmpty() ? "" : " ").append(m));
        serialNumber.ifPresent(s -> b.append(b.isEmpty() ? "" : " ").append('#').append(s));
        stationName.ifPresent(s -> b.append(b.isEmpty() ? "" : " ").append("station ").append(s));
        deviceUid.ifPresent(u -> b.append(b.isEmpty() ? "" : " ").append("uid ").append(u));
        return b.isEmpty() ? "unknown device" : b.toString();
    }
}
