package org.kerma.dose.link;

import java.time.Duration;
import java.util.List;

/**
 * An image whose acquisition time lies equally near the start of several events: the link went to the first of
 * {@code eventUids} (in UID order) and the others are recorded here for review.
 *
 * @param sopInstanceUid the image
 * @param eventUids      the events at the same smallest distance, the linked one first
 * @param distance       that distance (absolute)
 */
public record Tie(String sopInstanceUid, List<String> eventUids, Duration distance) {
    public Tie {
        eventUids = List.copyOf(eventUids);
    }
}
