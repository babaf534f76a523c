package org.kerma.dose;

import java.util.Optional;
import org.kerma.dicom.Code;

/**
 * Who or what observed the dose (PS3.16 TID 1002 Observer Context, TID 1004 Device Observer Identifying Attributes,
 * TID 1003 Person Observer Identifying Attributes), as given at the document root.
 *
 * @param observerType      Observer Type (121005): Device (121007) or Person (121006)
 * @param deviceObserverUid Device Observer UID (121012)
 * @param deviceName        Device Observer Name (121013)
 * @param manufacturer      Device Observer Manufacturer (121014)
 * @param modelName         Device Observer Model Name (121015)
 * @param serialNumber      Device Observer Serial Number (121016)
 * @param physicalLocation  Device Observer Physical Location During Observation (121017)
 * @param personName        Person Observer Name (121008)
 */
public record ObserverContext(Optional<Code> observerType, Optional<String> deviceObserverUid,
        Optional<String> deviceName, Optional<String> manufacturer, Optional<String> modelName,
        Optional<String> serialNumber, Optional<String> physicalLocation, Optional<String> personName) {
}
