package org.kerma.dose.link;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.kerma.dose.technique.Device;
import org.kerma.dose.technique.ExposureTechnique;
import org.kerma.dose.technique.ImageTechnique;

/** Image techniques with only what linking reads, for tests. */
final class Images {
    private Images() {
    }

    static Device device(String manufacturer, String serial) {
        return new Device(Optional.of(manufacturer), Optional.empty(), Optional.of(serial), Optional.empty(),
                Optional.empty());
    }

    static ImageTechnique image(String study, String sop, Device device, LocalDateTime acquired,
            Optional<String> eventUid) {
        ExposureTechnique e = new ExposureTechnique(Optional.ofNullable(acquired), eventUid, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        return new ImageTechnique("1.2.840.10008.5.1.4.1.1.12.1", sop, study, study + ".1", "XA", device,
                Optional.empty(), Optional.empty(), Optional.empty(), 1, Optional.empty(), e, List.of(), List.of());
    }
}
