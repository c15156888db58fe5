package io.campuscrm.attendance;

/** The addresses of the attendance views: plain paths, so links can be bookmarked and made without Vaadin. */
public final class AttendanceNavigation {

    /** The teacher's home: today's sessions, then the week, with the ones not taken yet first. */
    public static final String TODAY = "today";

    private AttendanceNavigation() {
    }

    /** {@code sessions/42/attendance}: a session's roster. */
    public static String roster(long sessionId) {
        return "sessions/" + sessionId + "/attendance";
    }
}
