package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a teacher taught from {@code from} to {@code to} (inclusive), for payroll: every session of theirs in the
 * period, substitutions included, in time order, each with its length in hours and its {@link State}. Cancelled and
 * upcoming sessions are listed but not counted; sessions whose attendance was not taken, taken only in part or taken
 * late are counted and flagged, for the office to check.
 */
public record TeachingHours(long teacherId, String teacherName, LocalDate from, LocalDate to,
        List<TaughtSession> sessions) {

    public TeachingHours {
        sessions = List.copyOf(sessions);
    }

    /** How a session counts. */
    public enum State {
        /** Held, attendance taken on the day for every seat. */
        TAUGHT(true, false),
        /** Held; attendance first taken after the day of the session. */
        TAKEN_LATE(true, true),
        /** Held; attendance taken for some seats only. */
        PARTLY_TAKEN(true, true),
        /** Over, not cancelled, and no attendance taken. */
        NOT_TAKEN(true, true),
        /** Cancelled: not counted. */
        CANCELLED(false, false),
        /** Not over yet and no attendance taken: not counted yet. */
        UPCOMING(false, false);

        private final boolean counted;
        private final boolean flagged;

        State(boolean counted, boolean flagged) {
            this.counted = counted;
            this.flagged = flagged;
        }

        public boolean counted() {
            return counted;
        }

        public boolean flagged() {
            return flagged;
        }

        public String messageKey() {
            return "report.hours.state." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** One session, its times in the institution's time zone; {@code hours} is its scheduled length, to 0.01 h. */
    public record TaughtSession(long sessionId, long classId, String classCode, String className, String courseName,
            long campusId, LocalDateTime startsLocal, LocalDateTime endsLocal, BigDecimal hours, State state) {
    }

    public int sessionsCounted() {
        return (int) sessions.stream().filter(s -> s.state().counted()).count();
    }

    public BigDecimal hoursCounted() {
        return sessions.stream().filter(s -> s.state().counted()).map(TaughtSession::hours)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public int cancelled() {
        return (int) sessions.stream().filter(s -> s.state() == State.CANCELLED).count();
    }

    public int flagged() {
        return (int) sessions.stream().filter(s -> s.state().flagged()).count();
    }
}
