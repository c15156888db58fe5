package io.campuscrm.scheduling;

/**
 * Where a student stands with a class: enrolled (holds a place), waiting (on the waiting list, in order), withdrawn
 * (left, with a date) or transferred (left for another class, 转班, with a date).
 */
public enum EnrollmentStatus {
    ENROLLED, WAITING, WITHDRAWN, TRANSFERRED;

    public String messageKey() {
        return "enrollment.status." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Enrolled or waiting: the student is still with the class. */
    public boolean current() {
        return this == ENROLLED || this == WAITING;
    }
}
