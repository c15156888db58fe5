package io.campuscrm.attendance;

/** How a student attended a session. Whether each consumes a lesson is the course's policy. */
public enum AttendanceStatus {
    PRESENT, LATE, ABSENT, EXCUSED, LEFT_EARLY;

    public String messageKey() {
        return "attendance.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
