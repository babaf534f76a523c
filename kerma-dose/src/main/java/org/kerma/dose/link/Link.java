package org.kerma.dose.link;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One image produced by one irradiation event.
 *
 * @param eventUid       Irradiation Event UID of the event
 * @param sopInstanceUid SOP Instance UID of the image
 * @param method         how the link was found
 * @param timeDifference image acquisition date-time minus event start, when both are known
 */
public record Link(String eventUid, String sopInstanceUid, Method method, Optional<Duration> timeDifference) {

    /** How a link was found, in order of trust. */
    public enum Method {
        /** The image's Irradiation Event UID (0008,3010) is the event's (113769). */
        EVENT_UID,
        /** The dose report references the image's SOP Instance UID inside the event. */
        SR_REFERENCE,
        /** The image was acquired within the time window of the event's start, on the same study and device. */
        TIME_WINDOW
    }

    public Link {
        Objects.requireNonNull(eventUid, "eventUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(timeDifference, "timeDifference");
    }
}
