package io.campuscrm.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import io.campuscrm.scheduling.SessionOrigin;
import io.campuscrm.scheduling.SessionStatus;

/** A row of {@code class_session}, as the session store reads it. */
public record SessionRow(long id, long classId, LocalDate date, LocalDateTime startsLocal, LocalDateTime endsLocal,
        Instant startAt, Instant endAt, long roomId, SessionStatus status, @Nullable String cancelReason,
        SessionOrigin origin, @Nullable LocalDate occurrenceDate, boolean held, long version,
        @Nullable String updatedBy, Instant updatedAt) {

    public boolean scheduled() {
        return status == SessionStatus.SCHEDULED;
    }
}
