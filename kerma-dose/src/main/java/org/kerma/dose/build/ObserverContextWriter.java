package org.kerma.dose.build;

import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dose.ObserverContext;

/**
 * Writes the root's TID 1002 Observer Context with TID 1004 Device Observer Identifying Attributes, one
 * {@link RootItem} at a time so that a {@link VendorProfile} can interleave them with other root items. Kerma builds
 * reports observed by a device only (the irradiating modality).
 */
final class ObserverContextWriter {
    private static final String OBS = "HAS OBS CONTEXT";

    private ObserverContextWriter() {
    }

    /** Writes {@code item} if it is an observer item; false when it is not one. */
    static boolean write(ContentWriter root, RootItem item, ObserverContext o) {
        switch (item) {
            case OBSERVER_TYPE -> root.code(OBS, DCM.ObserverType, o.observerType().orElse(DCM.Device));
            case DEVICE_OBSERVER_UID -> root.uid(OBS, DCM.DeviceObserverUID,
                    root.required(o.deviceObserverUid(), DCM.DeviceObserverUID, "mandatory in TID 1004 row 1"));
            case DEVICE_OBSERVER_NAME -> root.text(OBS, DCM.DeviceObserverName, o.deviceName());
            case DEVICE_OBSERVER_MANUFACTURER -> root.text(OBS, DCM.DeviceObserverManufacturer, o.manufacturer());
            case DEVICE_OBSERVER_MODEL_NAME -> root.text(OBS, DCM.DeviceObserverModelName, o.modelName());
            case DEVICE_OBSERVER_SERIAL_NUMBER -> root.text(OBS, DCM.DeviceObserverSerialNumber, o.serialNumber());
            case DEVICE_OBSERVER_PHYSICAL_LOCATION -> root.text(OBS,
                    DCM.DeviceObserverPhysicalLocationDuringObservation, o.physicalLocation());
            case DEVICE_ROLE_IN_PROCEDURE -> root.code(OBS, DCM.DeviceRoleInProcedure, DCM.IrradiatingDevice);
            default -> {
                return false;
            }
        }
        return true;
    }
}
