package io.campuscrm.attendance;

/** Who may call the attendance services: the expressions their {@code @PreAuthorize} use. */
public final class AttendanceRoles {

    /** Read rosters: the session's teachers (narrowed in the service), the office. */
    public static final String READERS = "hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')";
    /** Take and correct attendance: the session's teachers (within the window) and administrators. */
    public static final String MARKERS = "hasAnyRole('ADMIN', 'TEACHER')";
    /** Grant, freeze and extend packages; enter leave: the office. */
    public static final String OFFICE = "hasAnyRole('ADMIN', 'ADMISSIONS')";

    private AttendanceRoles() {
    }
}
