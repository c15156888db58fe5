package io.campuscrm.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A scheduled session will not take place. Its date and times are the institution's local ones (and the same as UTC
 * instants). A class cancelled as a whole publishes one of these for each of its future sessions it cancels, with
 * {@code classCancelled} set, rather than a single class event: billing's credits and attendance's expected lessons
 * are counted per session either way, and a listener then has one rule for both paths. Undoing it is
 * {@link SessionRestored}.
 */
public record SessionCancelled(long sessionId, long classId, LocalDate date, LocalDateTime startsLocal,
        LocalDateTime endsLocal, Instant startAt, Instant endAt, @Nullable String reason, boolean classCancelled) {
}
