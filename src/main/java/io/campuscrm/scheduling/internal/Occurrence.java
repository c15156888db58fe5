package io.campuscrm.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One session a recurrence rule produces: the rule's date, the local wall-clock start and end in the institution's
 * time zone, and the same as UTC instants.
 */
public record Occurrence(LocalDate date, LocalDateTime startsLocal, LocalDateTime endsLocal, Instant startAt,
        Instant endAt) {
}
