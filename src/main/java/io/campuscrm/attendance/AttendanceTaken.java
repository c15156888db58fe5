package io.campuscrm.attendance;

import java.time.LocalDate;
import java.util.List;

/**
 * Attendance of a session was saved (first taken or corrected): the marks that changed, the students' in
 * {@code changed} and the guests' (seats without a student, such as admissions' trial guests) in {@code guests}.
 * Published in the saving transaction.
 */
public record AttendanceTaken(long sessionId, long classId, long courseId, LocalDate date, boolean correction,
        List<Changed> changed, List<GuestChanged> guests) {

    public AttendanceTaken {
        changed = List.copyOf(changed);
        guests = List.copyOf(guests);
    }

    /** Students' marks only. */
    public AttendanceTaken(long sessionId, long classId, long courseId, LocalDate date, boolean correction,
            List<Changed> changed) {
        this(sessionId, classId, courseId, date, correction, changed, List.of());
    }

    /** A student's new status on this session. */
    public record Changed(long studentId, AttendanceStatus status) {
    }

    /**
     * A guest's new status on this session: the seat's key and kind as its {@link RosterSeats} source gave them
     * ({@code trial:7}, {@code trial}).
     */
    public record GuestChanged(String seat, String kind, AttendanceStatus status) {
    }
}
