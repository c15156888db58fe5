package io.campuscrm.scheduling;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A student left a class in which they had a place, from {@code on} (the class's sessions from that day are no longer
 * theirs). Leaving the waiting list publishes nothing: there was no place to charge or attend. A freed place may
 * promote the first on the waiting list, published as its own {@link StudentEnrolled}.
 */
public record StudentWithdrawn(long enrollmentId, long studentId, long classId, long courseId, long campusId,
        LocalDate on, @Nullable String reason) {
}
