package io.campuscrm.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.scheduling.ClashKind;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.ScheduleClash;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.ReaderLocale;
import io.campuscrm.students.StudentRef;
import io.campuscrm.students.StudentSearch;

/**
 * Finds clashes with indexed range queries, never by loading schedules. Two sessions overlap when each starts
 * before the other ends ({@code other.start_at < this.end_at AND other.end_at > this.start_at}): sessions that only
 * touch (one ends at 17:30, the next starts at 17:30) do not clash, and cancelled sessions never clash. Because no
 * session is longer than {@link Recurrence#MAX_SESSION}, an overlapping session must also start after
 * {@code this.start_at - MAX_SESSION}: that lower bound turns "starts before my end" into a short range of the
 * {@code (room_id, start_at)} and {@code (user_id, start_at)} indexes, whatever the amount of history.
 */
@Component
public class ClashFinder {

    /** Sessions checked per statement. */
    private static final int CHUNK = 100;

    private final JdbcTemplate jdbc;
    private final UserService users;
    private final StudentSearch students;
    private final ReaderLocale reader;

    ClashFinder(JdbcTemplate jdbc, UserService users, StudentSearch students, ReaderLocale reader) {
        this.jdbc = jdbc;
        this.users = users;
        this.students = students;
        this.reader = reader;
    }

    /**
     * The first clash of the class's scheduled sessions that start at or after {@code from}, in time order; room
     * clashes before teacher clashes.
     * <p>
     * Each of the class's sessions gets its own range query, sent together as one {@code UNION ALL} statement per
     * chunk: a join of the class's sessions with all others would let MariaDB walk every session of the room or
     * teacher (the range bounds depend on the joined row), so its cost would grow with the years of history kept.
     */
    public Optional<ScheduleClash> inClass(long classId, Instant from) {
        var fromUtc = SessionStore.utc(from);
        List<Probe> rooms = jdbc.query("""
                SELECT id, room_id, start_at, end_at FROM class_session
                WHERE class_id = ? AND status = 'SCHEDULED' AND start_at >= ? ORDER BY start_at
                """, (rs, n) -> new Probe(rs.getLong(1), rs.getLong(2), SessionStore.instant(rs, "start_at"),
                SessionStore.instant(rs, "end_at")), classId, fromUtc);
        var room = first(rooms, """
                (SELECT ? AS probe, o.id AS other, 0 AS who FROM class_session o
                 WHERE o.room_id = ? AND o.start_at > ? AND o.start_at < ? AND o.end_at > ?
                   AND o.status = 'SCHEDULED' AND o.id <> ? ORDER BY o.start_at LIMIT 1)
                """);
        if (room.isPresent()) {
            return room.map(hit -> describe(ClashKind.ROOM, hit.other(), null));
        }
        List<Probe> teachers = jdbc.query("""
                SELECT session_id, user_id, start_at, end_at FROM session_teacher
                WHERE class_id = ? AND active AND start_at >= ? ORDER BY start_at
                """, (rs, n) -> new Probe(rs.getLong(1), rs.getLong(2), SessionStore.instant(rs, "start_at"),
                SessionStore.instant(rs, "end_at")), classId, fromUtc);
        var teacher = first(teachers, """
                (SELECT ? AS probe, o.session_id AS other, o.user_id AS who FROM session_teacher o
                 WHERE o.user_id = ? AND o.start_at > ? AND o.start_at < ? AND o.end_at > ?
                   AND o.active AND o.session_id <> ? ORDER BY o.start_at LIMIT 1)
                """);
        if (teacher.isPresent()) {
            return teacher.map(hit -> describe(ClashKind.TEACHER, hit.other(), hit.who()));
        }
        return studentsOfClass(classId, from);
    }

    /**
     * The first session of another class that a student enrolled in this class is also enrolled in, overlapping one
     * of this class's sessions from {@code from} on (each enrollment counts from its first day). The other side is
     * looked up through {@code (class_id, start_at)}: a class has a bounded number of sessions, so this join stays
     * small however much history there is.
     */
    private Optional<ScheduleClash> studentsOfClass(long classId, Instant from) {
        return jdbc.query("""
                SELECT o.id, e1.student_id FROM class_session n
                JOIN class_enrollment e1 ON e1.class_id = n.class_id AND e1.status = 'ENROLLED'
                     AND e1.enrolled_on <= n.session_date
                JOIN class_enrollment e2 ON e2.student_id = e1.student_id AND e2.status = 'ENROLLED'
                     AND e2.class_id <> n.class_id
                JOIN class_session o ON o.class_id = e2.class_id AND o.status = 'SCHEDULED'
                     AND o.session_date >= e2.enrolled_on AND o.start_at > n.start_at - INTERVAL ? SECOND
                     AND o.start_at < n.end_at AND o.end_at > n.start_at
                WHERE n.class_id = ? AND n.status = 'SCHEDULED' AND n.start_at >= ?
                ORDER BY n.start_at, o.start_at LIMIT 1
                """, (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, Recurrence.MAX_SESSION.toSeconds(),
                classId, SessionStore.utc(from)).stream().findFirst()
                .map(pair -> describe(ClashKind.STUDENT, pair[0], pair[1]));
    }

    /**
     * The first session of another class of the student's, overlapping a session of {@code classId} from
     * {@code from} on: what enrolling the student there from that day would clash with.
     */
    public Optional<ScheduleClash> forStudent(long studentId, long classId, LocalDate fromDay, Instant now) {
        return jdbc.query("""
                SELECT o.id FROM class_session n
                JOIN class_enrollment e2 ON e2.student_id = ? AND e2.status = 'ENROLLED' AND e2.class_id <> n.class_id
                JOIN class_session o ON o.class_id = e2.class_id AND o.status = 'SCHEDULED'
                     AND o.session_date >= e2.enrolled_on AND o.start_at > n.start_at - INTERVAL ? SECOND
                     AND o.start_at < n.end_at AND o.end_at > n.start_at
                WHERE n.class_id = ? AND n.status = 'SCHEDULED' AND n.session_date >= ? AND n.start_at >= ?
                ORDER BY n.start_at, o.start_at LIMIT 1
                """, (rs, i) -> rs.getLong(1), studentId, Recurrence.MAX_SESSION.toSeconds(), classId, fromDay,
                SessionStore.utc(now)).stream().findFirst()
                .map(other -> describe(ClashKind.STUDENT, other, studentId));
    }

    /** A session to check: its id, the room or teacher it needs, and when. */
    private record Probe(long sessionId, long key, Instant start, Instant end) {
    }

    private record Hit(int probe, long other, long who) {
    }

    private Optional<Hit> first(List<Probe> probes, String subquery) {
        for (int from = 0; from < probes.size(); from += CHUNK) {
            var chunk = probes.subList(from, Math.min(probes.size(), from + CHUNK));
            List<Object> args = new java.util.ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                var p = chunk.get(i);
                args.add(from + i);
                args.add(p.key());
                args.add(SessionStore.utc(p.start().minus(Recurrence.MAX_SESSION)));
                args.add(SessionStore.utc(p.end()));
                args.add(SessionStore.utc(p.start()));
                args.add(p.sessionId());
            }
            String sql = String.join(" UNION ALL ", java.util.Collections.nCopies(chunk.size(), subquery))
                    + " ORDER BY probe LIMIT 1";
            var hit = jdbc.query(sql, (rs, n) -> new Hit(rs.getInt(1), rs.getLong(2), rs.getLong(3)), args.toArray())
                    .stream().findFirst();
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /**
     * The first clash of a session that would take place from {@code start} to {@code end} in {@code roomId},
     * taught by {@code teacherIds}; {@code ignoredSessionId} is the session itself when it is being moved.
     */
    public Optional<ScheduleClash> forSlot(Instant start, Instant end, long roomId, Collection<Long> teacherIds,
            long ignoredSessionId) {
        return forSlot(start, end, roomId, teacherIds, ignoredSessionId, null, null);
    }

    /**
     * As {@link #forSlot(Instant, Instant, long, Collection, long)}, and also for the students enrolled in
     * {@code classId} on {@code day}, when given.
     */
    public Optional<ScheduleClash> forSlot(Instant start, Instant end, long roomId, Collection<Long> teacherIds,
            long ignoredSessionId, @Nullable Long classId, @Nullable LocalDate day) {
        var clash = forRoomAndTeachers(start, end, roomId, teacherIds, ignoredSessionId);
        if (clash.isPresent() || classId == null || day == null) {
            return clash;
        }
        return jdbc.query("""
                SELECT o.id, e1.student_id FROM class_enrollment e1
                JOIN class_enrollment e2 ON e2.student_id = e1.student_id AND e2.status = 'ENROLLED'
                     AND e2.class_id <> e1.class_id
                JOIN class_session o ON o.class_id = e2.class_id AND o.status = 'SCHEDULED'
                     AND o.session_date >= e2.enrolled_on AND o.start_at > ? AND o.start_at < ? AND o.end_at > ?
                     AND o.id <> ?
                WHERE e1.class_id = ? AND e1.status = 'ENROLLED' AND e1.enrolled_on <= ?
                ORDER BY o.start_at LIMIT 1
                """, (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                SessionStore.utc(start.minus(Recurrence.MAX_SESSION)), SessionStore.utc(end), SessionStore.utc(start),
                ignoredSessionId, classId, day).stream().findFirst()
                .map(pair -> describe(ClashKind.STUDENT, pair[0], pair[1]));
    }

    private Optional<ScheduleClash> forRoomAndTeachers(Instant start, Instant end, long roomId,
            Collection<Long> teacherIds, long ignoredSessionId) {
        var startUtc = SessionStore.utc(start);
        var endUtc = SessionStore.utc(end);
        var lowest = SessionStore.utc(start.minus(Recurrence.MAX_SESSION));
        Optional<ScheduleClash> room = jdbc.query("""
                SELECT o.id FROM class_session o
                WHERE o.room_id = ? AND o.start_at > ? AND o.start_at < ? AND o.end_at > ?
                  AND o.status = 'SCHEDULED' AND o.id <> ?
                ORDER BY o.start_at LIMIT 1
                """, (rs, i) -> rs.getLong(1), roomId, lowest, endUtc, startUtc, ignoredSessionId).stream()
                .findFirst().map(other -> describe(ClashKind.ROOM, other, null));
        if (room.isPresent() || teacherIds.isEmpty()) {
            return room;
        }
        var ids = Set.copyOf(teacherIds);
        Object[] args = new Object[ids.size() + 4];
        int i = 0;
        for (long id : ids) {
            args[i++] = id;
        }
        args[i++] = lowest;
        args[i++] = endUtc;
        args[i++] = startUtc;
        args[i] = ignoredSessionId;
        return jdbc.query("SELECT o.session_id, o.user_id FROM session_teacher o WHERE o.user_id IN ("
                + SessionStore.placeholders(ids.size()) + """
                ) AND o.start_at > ? AND o.start_at < ? AND o.end_at > ? AND o.active AND o.session_id <> ?
                ORDER BY o.start_at LIMIT 1
                """, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, args).stream().findFirst()
                .map(pair -> describe(ClashKind.TEACHER, pair[0], pair[1]));
    }

    private record Other(long classId, String classCode, String roomName, LocalDate date, LocalDateTime start,
            LocalDateTime end) {
    }

    /** The message naming the clash: who or what, which class, when (the other session's date and times). */
    ScheduleClash describe(ClashKind kind, long otherSessionId, Long who) {
        var other = jdbc.queryForObject("""
                SELECT s.class_id, c.code, r.name, s.session_date, s.starts_local, s.ends_local
                FROM class_session s JOIN school_class c ON c.id = s.class_id JOIN room r ON r.id = s.room_id
                WHERE s.id = ?
                """, (rs, n) -> new Other(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDateTime.class),
                rs.getObject(6, LocalDateTime.class)), otherSessionId);
        var format = new ScheduleFormat(reader.get());
        String subject = switch (kind) {
            case ROOM -> other.roomName();
            case TEACHER -> users.displayNames(List.of(who)).getOrDefault(who, "#" + who);
            case STUDENT -> students.reference(who).map(StudentRef::displayName).orElse("#" + who);
        };
        String key = switch (kind) {
            case ROOM -> "scheduling.clash.room";
            case TEACHER -> "scheduling.clash.teacher";
            case STUDENT -> "scheduling.clash.student";
        };
        return new ScheduleClash(kind, otherSessionId, other.classId(), key, List.of(subject, other.classCode(),
                format.date(other.date()), format.time(other.start()), format.time(other.end())));
    }
}
