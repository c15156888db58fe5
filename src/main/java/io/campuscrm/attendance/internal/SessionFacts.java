package io.campuscrm.attendance.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.campuscrm.scheduling.ScheduledSession;

/** What attendance copies of a session into what it writes. */
public record SessionFacts(long sessionId, long classId, long courseId, long campusId, LocalDate date,
        Instant startAt, int minutes) {

    public static SessionFacts of(ScheduledSession s) {
        return new SessionFacts(s.sessionId(), s.classId(), s.courseId(), s.campusId(), s.date(), s.startAt(),
                (int) Duration.between(s.startAt(), s.endAt()).toMinutes());
    }
}
