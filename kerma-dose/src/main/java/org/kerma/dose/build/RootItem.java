package org.kerma.dose.build;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A content item (or run of content items) at the root of TID 10011 CT Radiation Dose or TID 10001 Projection X-Ray
 * Radiation Dose, as a {@link VendorProfile} names it: the profile lists these keys in the order the device writes
 * them. Items marked mandatory are required by the template (PS3.16 TID 10011 rows 2–12, TID 10001 rows 2–18, TID
 * 1004 row 1); a profile must list them for the templates it serves.
 */
public enum RootItem {
    /** Procedure reported (121058) with Has Intent (363703001). */
    PROCEDURE_REPORTED("procedure-reported", true, true),
    /** Observer Type (121005), TID 1002 row 1. */
    OBSERVER_TYPE("observer-type", false, false),
    /** Device Observer UID (121012), TID 1004 row 1. */
    DEVICE_OBSERVER_UID("device-observer-uid", true, true),
    DEVICE_OBSERVER_NAME("device-observer-name", false, false),
    DEVICE_OBSERVER_MANUFACTURER("device-observer-manufacturer", false, false),
    DEVICE_OBSERVER_MODEL_NAME("device-observer-model-name", false, false),
    DEVICE_OBSERVER_SERIAL_NUMBER("device-observer-serial-number", false, false),
    /** Device Observer Physical Location During Observation (121017). */
    DEVICE_OBSERVER_PHYSICAL_LOCATION("device-observer-physical-location", false, false),
    /** Device Role in Procedure (113876): Irradiating Device (113859). */
    DEVICE_ROLE_IN_PROCEDURE("device-role-in-procedure", false, false),
    /** Start of X-Ray Irradiation (113809), TID 10011 only. */
    START_OF_XRAY_IRRADIATION("start-of-xray-irradiation", true, false),
    /** End of X-Ray Irradiation (113810), TID 10011 only. */
    END_OF_XRAY_IRRADIATION("end-of-xray-irradiation", true, false),
    /** Scope of Accumulation (113705) with the Study Instance UID under it. */
    SCOPE_OF_ACCUMULATION("scope-of-accumulation", true, true),
    /** TID 10012 CT Accumulated Dose Data. */
    CT_ACCUMULATED_DOSE_DATA("ct-accumulated-dose-data", true, false),
    /** One TID 10013 CT Acquisition per irradiation event. */
    CT_ACQUISITIONS("ct-acquisitions", true, false),
    /** TID 10002 Accumulated X-Ray Dose Data, one per plane. */
    ACCUMULATED_XRAY_DOSE_DATA("accumulated-xray-dose-data", false, true),
    /** One TID 10003 Irradiation Event X-Ray Data per event. */
    IRRADIATION_EVENTS("irradiation-events", false, true),
    /** Source of Dose Information (113854), one or more. */
    SOURCE_OF_DOSE_INFORMATION("source-of-dose-information", true, true);

    private final String key;
    private final boolean mandatoryForCt;
    private final boolean mandatoryForProjection;

    RootItem(String key, boolean mandatoryForCt, boolean mandatoryForProjection) {
        this.key = key;
        this.mandatoryForCt = mandatoryForCt;
        this.mandatoryForProjection = mandatoryForProjection;
    }

    /** The key of this item in a profile file, e.g. {@code "device-observer-uid"}. */
    public String key() {
        return key;
    }

    /** True when template {@code tid} ("10011" or "10001") requires this item. */
    public boolean mandatoryIn(String tid) {
        return tid.equals("10011") ? mandatoryForCt : mandatoryForProjection;
    }

    /** True when template {@code tid} may hold this item at its root. */
    public boolean allowedIn(String tid) {
        Set<RootItem> ctOnly = Set.of(START_OF_XRAY_IRRADIATION, END_OF_XRAY_IRRADIATION, CT_ACCUMULATED_DOSE_DATA,
                CT_ACQUISITIONS);
        Set<RootItem> projectionOnly = Set.of(ACCUMULATED_XRAY_DOSE_DATA, IRRADIATION_EVENTS);
        return tid.equals("10011") ? !projectionOnly.contains(this) : !ctOnly.contains(this);
    }

    /** The item of {@code key}; empty for an unknown key. */
    public static Optional<RootItem> ofKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }
}
