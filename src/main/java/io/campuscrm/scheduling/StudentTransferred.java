package io.campuscrm.scheduling;

import java.time.LocalDate;

/**
 * A student moved from one class to another (转班), from {@code on}: the enrollment {@code fromEnrollmentId} in
 * {@code fromClassId} ended as transferred and {@code toEnrollmentId} in {@code toClassId} began, so the old class's
 * sessions from {@code on} are no longer the student's and the new class's are. One event, not a withdrawal and an
 * enrollment, so that billing can carry a balance over instead of refunding and charging anew. A place freed in the
 * old class may promote someone, published as its own {@link StudentEnrolled}.
 */
public record StudentTransferred(long fromEnrollmentId, long toEnrollmentId, long studentId, long fromClassId,
        long toClassId, long fromCourseId, long toCourseId, LocalDate on) {
}
