package org.kerma.dicom;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A DT value (PS3.5 section 6.2, "YYYYMMDDHHMMSS.FFFFFF&ZZXX"), which may be partial: "2024" has the precision of a
 * year. The missing parts of {@code value} are the earliest possible (month 1, day 1, midnight).
 *
 * @param value     the date and time given, completed with the earliest values for missing parts
 * @param precision the smallest unit that was given: YEARS, MONTHS, DAYS, HOURS, MINUTES, SECONDS or MICROS
 * @param offset    the UTC offset given in the value, or null when none was given
 */
public record DicomDateTime(LocalDateTime value, ChronoUnit precision, ZoneOffset offset) {

    /** The offset given in the value, if any. */
    public Optional<ZoneOffset> zoneOffset() {
        return Optional.ofNullable(offset);
    }

    /** The value at the given offset, or at {@code defaultOffset} (e.g. from Timezone Offset From UTC) when none was given. */
    public OffsetDateTime atOffset(ZoneOffset defaultOffset) {
        return value.atOffset(offset != null ? offset : defaultOffset);
    }
}
