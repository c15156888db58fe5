package io.campuscrm.attendance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.TeacherStudentScope;

/**
 * A teacher also teaches the students making a lesson up in their classes: they are on the teacher's roster, so
 * the teacher may read them, from a month back on. Kept for 30 seconds per teacher, like scheduling's own scope.
 */
@Component
public class MakeUpStudents implements TeacherStudentScope {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final int LOOK_BACK_DAYS = 31;

    private record Known(Instant loadedAt, Set<Long> studentIds) {
    }

    private final LeaveStore leaves;
    private final ClassSearch classes;
    private final Clock clock;
    private final Map<Long, Known> known = new ConcurrentHashMap<>();

    MakeUpStudents(LeaveStore leaves, ClassSearch classes, Clock clock) {
        this.leaves = leaves;
        this.classes = classes;
        this.clock = clock;
    }

    @Override
    public Set<Long> studentIdsTaughtBy(long teacherUserId) {
        var now = clock.instant();
        var cached = known.get(teacherUserId);
        if (cached != null && now.isBefore(cached.loadedAt().plus(MAX_AGE))) {
            return cached.studentIds();
        }
        // As the system: the teacher's own classes, whoever asks (the scope is being worked out for this teacher).
        var classIds = SystemAuthentication.call(() -> classes.classIdsTaughtBy(teacherUserId));
        var ids = leaves.makeUpStudentsIn(classIds, LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)
                .minusDays(LOOK_BACK_DAYS));
        known.put(teacherUserId, new Known(now, ids));
        return ids;
    }

    /** Forgets what is known, after a make-up is booked or cancelled. */
    public void forget() {
        known.clear();
    }
}
