package io.campuscrm.attendance;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.campuscrm.scheduling.BulkSession;

/**
 * A session's attendance as it was taken, for a bulk load ({@link AttendanceBulkLoader}): the session with its
 * enrolled students (its seats), when it was taken, and a mark for every seat.
 */
public record BulkRoster(BulkSession session, Instant takenAt, List<Mark> marks) {

    public BulkRoster {
        marks = List.copyOf(marks);
    }

    /** A student's mark: minutes late for {@link AttendanceStatus#LATE}, an optional note. */
    public record Mark(long studentId, AttendanceStatus status, @Nullable Integer lateMinutes, @Nullable String note) {
    }
}
