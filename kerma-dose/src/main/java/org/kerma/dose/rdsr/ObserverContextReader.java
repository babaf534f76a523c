package org.kerma.dose.rdsr;

import java.util.Optional;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dicom.sr.ValueType;
import org.kerma.dose.ObserverContext;
import org.kerma.dose.vendor.Quirk;

/**
 * Reads PS3.16 TID 1002 Observer Context (with TID 1003 and 1004) from the direct children of a container.
 */
final class ObserverContextReader {
    private ObserverContextReader() {
    }

    static ObserverContext read(ContentItem container, ReadContext ctx) {
        return new ObserverContext(ctx.childCode(container, DCM.ObserverType), deviceObserverUid(container, ctx),
                ctx.childText(container, DCM.DeviceObserverName),
                ctx.childText(container, DCM.DeviceObserverManufacturer),
                ctx.childText(container, DCM.DeviceObserverModelName),
                ctx.childText(container, DCM.DeviceObserverSerialNumber),
                ctx.childText(container, DCM.DeviceObserverPhysicalLocationDuringObservation),
                ctx.child(container, DCM.PersonObserverName)
                        .flatMap(i -> ctx.expect(i, ValueType.PNAME) ? i.personName() : Optional.empty())
                        .map(Object::toString));
    }

    /** Device Observer UID as UIDREF, or (GE fluoroscopy) as TEXT. */
    private static Optional<String> deviceObserverUid(ContentItem container, ReadContext ctx) {
        Optional<ContentItem> item = ctx.child(container, DCM.DeviceObserverUID);
        if (item.isPresent() && item.get().valueType().filter(t -> t == ValueType.TEXT).isPresent()) {
            ctx.quirk(Quirk.DEVICE_OBSERVER_UID_AS_TEXT, item.get().path().toString(),
                    "Device Observer UID read from TEXT '" + item.get().text().orElse("") + "'");
            return item.get().text();
        }
        return item.flatMap(i -> ctx.expect(i, ValueType.UIDREF) ? i.uid() : Optional.empty());
    }
}
