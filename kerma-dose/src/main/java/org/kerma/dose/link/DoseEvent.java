package org.kerma.dose.link;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What linking needs of one irradiation event of a dose report.
 *
 * @param eventUid             Irradiation Event UID (113769), the event's identity
 * @param start                DateTime Started (111526); empty for CT events, which carry none
 * @param referencedInstances  SOP Instance UIDs of the IMAGE items inside the event container (e.g. Acquired Image,
 *                             113795)
 */
public record DoseEvent(String eventUid, Optional<LocalDateTime> start, Set<String> referencedInstances) {
    public DoseEvent {
        Objects.requireNonNull(eventUid, "eventUid");
        Objects.requireNonNull(start, "start");
        referencedInstances = Set.copyOf(referencedInstances);
    }
}
