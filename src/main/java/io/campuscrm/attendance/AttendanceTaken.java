package io.campuscrm.attendance;

import java.time.LocalDate;
import java.util.List;

/**
 * Attendance of a session was saved (first taken or corrected): the marks that changed. Published in the saving
 * transaction.
 */
public record AttendanceTaken(long sessionId, long classId, long courseId, LocalDate date, boolean correction,
        List<Changed> changed) {

    public AttendanceTaken {
        changed = List.copyOf(changed);
    }

    /** A student's new status on this session. */
    public record Changed(long studentId, AttendanceStatus status) {
    }
}
