package io.campuscrm.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.scheduling.BulkClass;
import io.campuscrm.scheduling.BulkSession;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.scheduling.SessionOrigin;
import io.campuscrm.scheduling.SessionStatus;
import io.campuscrm.scheduling.TermClosure;
import io.campuscrm.shared.database.MultiRowInsert;
import io.campuscrm.shared.security.CurrentUser;

/**
 * Writes classes in bulk with multi-row inserts, a chunk of classes at a time and each table after the ones it
 * refers to: the class, its teachers, its sessions (generated from its rule and its term's closures, as
 * {@link ScheduleWriter} generates a new class's) and their teachers, its enrollments and their "enrolled" events.
 * Ids are handed out from the tables' current maximum: the load must be the only writer (the demo's generation).
 */
@Component
public class ScheduleBulkWriter {

    private static final int CLASSES_PER_CHUNK = 500;
    private static final int IDS_PER_QUERY = 1000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TermRepository terms;
    private final ScheduleRules rules;
    private final CurrentUser currentUser;
    private final Clock clock;

    ScheduleBulkWriter(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, TermRepository terms, ScheduleRules rules,
            CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.terms = terms;
        this.rules = rules;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** What a load wrote. */
    public record Loaded(List<Long> classIds, long sessions, long enrollments) {
    }

    public Loaded write(List<BulkClass> classes) {
        ZoneId zone = rules.zone();
        LocalDateTime now = SessionStore.utc(clock.instant().truncatedTo(ChronoUnit.MICROS));
        String user = currentUser.username();
        long nextClass = nextId("school_class");
        long nextSession = nextId("class_session");
        long nextEnrollment = nextId("class_enrollment");
        Map<Long, List<TermClosure>> closures = new HashMap<>();
        var classRows = new MultiRowInsert(jdbc, """
                school_class (id, code, name, course_id, term_id, campus_id, room_id, capacity, waiting_list_enabled,
                    status, rec_weekdays, rec_start_time, rec_end_time, rec_from, rec_to, rrule, version, created_at,
                    created_by, updated_at, updated_by)""", 21);
        var teacherRows = new MultiRowInsert(jdbc, "class_teacher (class_id, user_id)", 2);
        var sessionRows = new MultiRowInsert(jdbc, """
                class_session (id, class_id, session_date, starts_local, ends_local, start_at, end_at, room_id, status,
                    origin, occurrence_date, held, version, created_at, created_by, updated_at, updated_by)""", 17);
        var sessionTeacherRows = new MultiRowInsert(jdbc,
                "session_teacher (session_id, user_id, class_id, start_at, end_at, active)", 6);
        var enrollmentRows = new MultiRowInsert(jdbc, """
                class_enrollment (id, class_id, student_id, status, enrolled_on, version, created_at, created_by,
                    updated_at, updated_by)""", 10);
        var eventRows = new MultiRowInsert(jdbc, """
                enrollment_event (enrollment_id, student_id, class_id, kind, effective_on, occurred_at, actor)""", 7);
        List<Long> ids = new ArrayList<>(classes.size());
        for (int from = 0; from < classes.size(); from += CLASSES_PER_CHUNK) {
            var chunk = classes.subList(from, Math.min(classes.size(), from + CLASSES_PER_CHUNK));
            List<Object[]> teachers = new ArrayList<>();
            List<Object[]> sessions = new ArrayList<>();
            List<Object[]> sessionTeachers = new ArrayList<>();
            List<Object[]> enrollments = new ArrayList<>();
            List<Object[]> events = new ArrayList<>();
            for (BulkClass c : chunk) {
                long classId = nextClass++;
                ids.add(classId);
                var r = c.recurrence();
                classRows.add(classId, c.code().strip(), c.name().strip(), c.courseId(), c.termId(), c.campusId(),
                        c.roomId(), c.capacity(), true, c.status().name(), EnumSet.copyOf(r.weekdays()).stream()
                                .map(d -> d.name().substring(0, 2)).collect(Collectors.joining(",")),
                        r.startTime(), r.endTime(), r.from(), r.to(), r.toRrule(), 0, now, user, now, user);
                c.teacherIds().forEach(t -> teachers.add(new Object[] {classId, t}));
                var occurrences = RecurrenceGenerator.generate(r, closures.computeIfAbsent(c.termId(),
                        id -> terms.findById(id).orElseThrow().toTerm().closures()), zone).occurrences();
                for (Occurrence o : occurrences) {
                    long sessionId = nextSession++;
                    var start = SessionStore.utc(o.startAt());
                    var end = SessionStore.utc(o.endAt());
                    sessions.add(new Object[] {sessionId, classId, o.date(), o.startsLocal(), o.endsLocal(), start,
                        end, c.roomId(), SessionStatus.SCHEDULED.name(), SessionOrigin.GENERATED.name(), o.date(),
                        false, 0, now, user, now, user});
                    c.teacherIds().forEach(t -> sessionTeachers.add(new Object[] {sessionId, t, classId, start, end,
                        true}));
                }
                for (var s : c.students()) {
                    long enrollmentId = nextEnrollment++;
                    // enrolled the week before: what a student's timeline shows, in the past like the class
                    var enrolledAt = SessionStore.utc(s.on().minusDays(7).atTime(LocalTime.of(11, 0)).atZone(zone)
                            .toInstant());
                    enrollments.add(new Object[] {enrollmentId, classId, s.studentId(),
                        EnrollmentStatus.ENROLLED.name(), s.on(), 0, enrolledAt, user, enrolledAt, user});
                    events.add(new Object[] {enrollmentId, s.studentId(), classId, EnrollmentEvents.Kind.ENROLLED
                        .name(), s.on(), enrolledAt, user});
                }
            }
            classRows.flush();
            writeAll(teacherRows, teachers);
            writeAll(sessionRows, sessions);
            writeAll(sessionTeacherRows, sessionTeachers);
            writeAll(enrollmentRows, enrollments);
            writeAll(eventRows, events);
        }
        return new Loaded(ids, sessionRows.written(), enrollmentRows.written());
    }

    /** See {@link io.campuscrm.scheduling.SchedulingBulkLoader#unheldSessionsBefore}. */
    public List<BulkSession> unheldSessionsBefore(Collection<Long> classIds, LocalDate before) {
        record Seat(long studentId, LocalDate from, @Nullable LocalDate until) {
        }
        record Row(long id, long classId, long courseId, long campusId, LocalDate date, Instant start, Instant end) {
        }
        List<Row> rows = new ArrayList<>();
        Map<Long, List<Seat>> seats = new HashMap<>();
        List<Long> all = List.copyOf(classIds);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            var params = new MapSqlParameterSource("ids", all.subList(from, Math.min(all.size(), from
                    + IDS_PER_QUERY))).addValue("before", before);
            named.query("""
                    SELECT s.id, s.class_id, c.course_id, c.campus_id, s.session_date, s.start_at, s.end_at
                    FROM class_session s JOIN school_class c ON c.id = s.class_id
                    WHERE s.class_id IN (:ids) AND s.session_date < :before AND s.status = 'SCHEDULED'
                      AND s.held = FALSE""", params, rs -> {
                        rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getObject(5, LocalDate.class), SessionStore.instant(rs, "start_at"),
                                SessionStore.instant(rs, "end_at")));
                    });
            // the rule of SessionReader.enrolledStudents: not waiting, enrolled by the date, not gone by then
            named.query("""
                    SELECT class_id, student_id, enrolled_on, withdrawn_on FROM class_enrollment
                    WHERE class_id IN (:ids) AND status <> 'WAITING' ORDER BY student_id""", params, rs -> {
                        seats.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Seat(rs.getLong(2),
                                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
                    });
        }
        rows.sort(java.util.Comparator.comparing(Row::start).thenComparingLong(Row::id));
        List<BulkSession> sessions = new ArrayList<>(rows.size());
        for (var r : rows) {
            var students = seats.getOrDefault(r.classId(), List.of()).stream()
                    .filter(s -> !s.from().isAfter(r.date()) && (s.until() == null || r.date().isBefore(s.until())))
                    .map(Seat::studentId).toList();
            sessions.add(new BulkSession(r.id(), r.classId(), r.courseId(), r.campusId(), r.date(), r.start(),
                    r.end(), students));
        }
        return sessions;
    }

    /** Marks not-held sessions held, as {@link SessionStore#setHeld} does one; answers how many. */
    public int markHeld(Collection<Long> sessionIds) {
        var now = SessionStore.utc(clock.instant().truncatedTo(ChronoUnit.MICROS));
        String user = currentUser.username();
        List<Long> all = List.copyOf(sessionIds);
        int held = 0;
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            held += named.update("""
                    UPDATE class_session SET held = TRUE, version = version + 1, updated_at = :now, updated_by = :user
                    WHERE id IN (:ids) AND held = FALSE AND status = 'SCHEDULED'""", new MapSqlParameterSource("ids",
                    all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY))).addValue("now", now)
                    .addValue("user", user));
        }
        return held;
    }

    private static void writeAll(MultiRowInsert insert, List<Object[]> rows) {
        rows.forEach(insert::add);
        insert.flush();
    }

    private long nextId(String table) {
        Long max = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class);
        return (max == null ? 0 : max) + 1;
    }
}
