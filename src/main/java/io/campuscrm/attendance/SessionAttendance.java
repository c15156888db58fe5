package io.campuscrm.attendance;

import io.campuscrm.scheduling.ScheduledSession;

/** A session with how far its attendance is taken, for the teacher's home and dashboard. */
public record SessionAttendance(ScheduledSession session, State state) {

    public enum State {
        NOT_TAKEN, PARTLY_TAKEN, TAKEN, CANCELLED;

        public String messageKey() {
            return "attendance.state." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
