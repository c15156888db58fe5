package io.campuscrm.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.security.CurrentUser;

/**
 * The append-only record of what happened to enrollments (enrolled, put on the waiting list, promoted, withdrawn,
 * transferred out and in), which the student's timeline shows.
 */
@Component
public class EnrollmentEvents {

    public enum Kind {
        ENROLLED, WAITING, PROMOTED, WITHDRAWN, LEFT_WAITING_LIST, TRANSFERRED_OUT, TRANSFERRED_IN
    }

    /** An event with its class's code and name, and the other class's code for a transfer. */
    public record Event(long id, long enrollmentId, long studentId, long classId, String classCode, String className,
            Kind kind, LocalDate effectiveOn, @Nullable String otherClassCode, Instant occurredAt,
            @Nullable String actor) {
    }

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    EnrollmentEvents(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public void record(long enrollmentId, long studentId, long classId, Kind kind, LocalDate effectiveOn,
            @Nullable Long otherClassId) {
        jdbc.update("""
                INSERT INTO enrollment_event (enrollment_id, student_id, class_id, kind, effective_on,
                    other_class_id, occurred_at, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, enrollmentId, studentId, classId, kind.name(), effectiveOn, otherClassId,
                SessionStore.utc(clock.instant().truncatedTo(ChronoUnit.MICROS)), currentUser.username());
    }

    /**
     * The student's events before {@code before} (all when null), newest first, in the classes the user may see.
     */
    public List<Event> ofStudent(long studentId, @Nullable Instant before, int limit, SchedulingAccess.Scope scope) {
        String access = "";
        List<Object> args = new java.util.ArrayList<>(List.of(studentId));
        if (before != null) {
            args.add(SessionStore.utc(before));
        }
        if (scope.ownTeacherId() != null) {
            access = " AND EXISTS (SELECT 1 FROM class_teacher ct WHERE ct.class_id = c.id AND ct.user_id = ?)";
            args.add(scope.ownTeacherId());
        } else if (!scope.allCampuses()) {
            access = " AND c.campus_id IN (" + SessionStore.placeholders(scope.campusIdsOrNone().size()) + ")";
            args.addAll(scope.campusIdsOrNone());
        }
        args.add(limit);
        return jdbc.query("""
                SELECT ev.id, ev.enrollment_id, ev.student_id, ev.class_id, c.code, c.name, ev.kind, ev.effective_on,
                       oc.code AS other_code, ev.occurred_at, ev.actor
                FROM enrollment_event ev
                JOIN school_class c ON c.id = ev.class_id
                LEFT JOIN school_class oc ON oc.id = ev.other_class_id
                WHERE ev.student_id = ?""" + (before == null ? "" : " AND ev.occurred_at < ?") + access
                + " ORDER BY ev.occurred_at DESC, ev.id DESC LIMIT ?",
                (rs, n) -> new Event(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), Kind.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class),
                        rs.getString(9), SessionStore.instant(rs, "occurred_at"), rs.getString(11)),
                args.toArray());
    }
}
