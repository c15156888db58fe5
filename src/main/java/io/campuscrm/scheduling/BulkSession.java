package io.campuscrm.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A session with the students enrolled in its class on its date (its roster's seats), for bulk loads of attendance
 * ({@link SchedulingBulkLoader#unheldSessionsBefore}).
 */
public record BulkSession(long sessionId, long classId, long courseId, long campusId, LocalDate date,
        Instant startAt, Instant endAt, List<Long> studentIds) {

    public BulkSession {
        studentIds = List.copyOf(studentIds);
    }
}
