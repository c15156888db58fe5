package io.campuscrm.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A single session was added to a class by hand (a make-up lesson, an extra class), at the date and times given (the
 * institution's local ones, and the same as UTC instants) in room {@code roomId}. Sessions made by a class's rule are
 * {@link ClassSessionsRegenerated} instead.
 */
public record SessionAdded(long sessionId, long classId, LocalDate date, LocalDateTime startsLocal,
        LocalDateTime endsLocal, Instant startAt, Instant endAt, long roomId) {
}
