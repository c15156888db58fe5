package io.campuscrm.scheduling;

import java.time.LocalDate;

/**
 * A student got a place in a class, from {@code on}: enrolled straight away, or promoted from the waiting list
 * ({@code fromWaitingList}; {@code on} is then the day of the promotion, never before today). Joining the waiting
 * list is not a place and publishes nothing; a transfer into a class is {@link StudentTransferred}. Billing charges
 * from it, attendance expects the student at the class's sessions from {@code on}.
 */
public record StudentEnrolled(long enrollmentId, long studentId, long classId, long courseId, long campusId,
        LocalDate on, boolean fromWaitingList) {
}
