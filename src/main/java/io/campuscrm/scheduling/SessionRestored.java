package io.campuscrm.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A cancelled session takes place after all, at the date and times given (the institution's local ones, and the same
 * as UTC instants): the undo of a {@link SessionCancelled}.
 */
public record SessionRestored(long sessionId, long classId, LocalDate date, LocalDateTime startsLocal,
        LocalDateTime endsLocal, Instant startAt, Instant endAt) {
}
