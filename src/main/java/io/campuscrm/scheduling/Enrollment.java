package io.campuscrm.scheduling;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A student's stay in a class or on its waiting list. {@code enrolledOn} is empty while waiting;
 * {@code waitingPosition} is 1 for the next to be promoted, {@code waitingSince} the day the student joined the waiting
 * list (while waiting); {@code withdrawnOn} is the last day of a withdrawal or the
 * date of a transfer, {@code otherClassCode} the class a transfer went to (or came from). {@code studentName} and
 * {@code studentNumber} are blank when the user may not see the student.
 */
public record Enrollment(long id, long classId, String classCode, String className, long studentId,
        String studentNumber, String studentName, EnrollmentStatus status, @Nullable LocalDate enrolledOn,
        @Nullable Integer waitingPosition, @Nullable LocalDate waitingSince, @Nullable LocalDate withdrawnOn,
        @Nullable String otherClassCode, @Nullable String reason, long version) {
}
