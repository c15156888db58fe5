package io.campuscrm.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SessionOrigin;
import io.campuscrm.scheduling.SessionStatus;
import io.campuscrm.security.UserService;

/**
 * Reads sessions as lists and timetables show them, with their class, course, room and teachers, in one query per
 * page plus one for the page's teachers. Every query is bounded by {@code start_at} (indexed) or by the class.
 */
@Component
public class SessionReader {

    private static final String SELECT = """
            SELECT s.id, s.class_id, c.code, c.name AS class_name, c.course_id, co.name AS course_name, c.campus_id,
                   s.room_id, r.name AS room_name, s.session_date, s.starts_local, s.ends_local, s.start_at, s.end_at,
                   s.status, s.cancel_reason, s.origin, s.held, s.version
            FROM class_session s
            JOIN school_class c ON c.id = s.class_id
            JOIN course co ON co.id = c.course_id
            JOIN room r ON r.id = s.room_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final UserService users;

    SessionReader(NamedParameterJdbcTemplate jdbc, UserService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * Sessions that start in {@code [from, to)}, narrowed by {@code condition} (SQL over {@code s} and {@code c}
     * with named parameters) and by what the user may see.
     */
    public List<ScheduledSession> between(Instant from, Instant to, String condition, Map<String, ?> parameters,
            SchedulingAccess.Scope scope) {
        var params = new MapSqlParameterSource(parameters).addValue("from", SessionStore.utc(from))
                .addValue("to", SessionStore.utc(to));
        String sql = SELECT + " WHERE s.start_at >= :from AND s.start_at < :to AND " + condition + access(scope,
                params) + " ORDER BY s.start_at, c.code";
        return withTeachers(jdbc.query(sql, params, ROW));
    }

    /** How many sessions of every campus start in {@code [from, to)}, per status: one count off the start index. */
    public Map<SessionStatus, Long> countBetween(Instant from, Instant to) {
        var params = new MapSqlParameterSource("from", SessionStore.utc(from)).addValue("to", SessionStore.utc(to));
        Map<SessionStatus, Long> counts = new EnumMap<>(SessionStatus.class);
        jdbc.query("SELECT status, COUNT(*) FROM class_session WHERE start_at >= :from AND start_at < :to"
                + " GROUP BY status", params, rs -> {
                    counts.put(SessionStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** One page of a class's sessions in time order. */
    public Slice<ScheduledSession> ofClass(long classId, Pageable page) {
        var params = new MapSqlParameterSource("classId", classId).addValue("limit", page.getPageSize() + 1)
                .addValue("offset", page.getOffset());
        var rows = jdbc.query(SELECT + " WHERE s.class_id = :classId ORDER BY s.start_at LIMIT :limit OFFSET :offset",
                params, ROW);
        boolean more = rows.size() > page.getPageSize();
        var content = withTeachers(more ? rows.subList(0, page.getPageSize()) : rows);
        return new SliceImpl<>(content, page, more);
    }

    public @Nullable ScheduledSession one(long sessionId) {
        var rows = jdbc.query(SELECT + " WHERE s.id = :id", Map.of("id", sessionId), ROW);
        return rows.isEmpty() ? null : withTeachers(rows).getFirst();
    }

    /**
     * The students enrolled in a session's class on the session's date (from {@code enrolled_on}, until a withdrawal or
     * transfer ends the stay before {@code withdrawn_on}), in one statement; none when the user may not see the
     * session.
     */
    public List<Long> enrolledStudents(long sessionId, SchedulingAccess.Scope scope) {
        var params = new MapSqlParameterSource("id", sessionId);
        String sql = """
                SELECT e.student_id FROM class_session s
                JOIN school_class c ON c.id = s.class_id
                JOIN class_enrollment e ON e.class_id = s.class_id AND e.status <> 'WAITING'
                     AND e.enrolled_on <= s.session_date
                     AND (e.withdrawn_on IS NULL OR s.session_date < e.withdrawn_on)
                WHERE s.id = :id""" + access(scope, params) + " ORDER BY e.student_id";
        return jdbc.queryForList(sql, params, Long.class);
    }

    private static String access(SchedulingAccess.Scope scope, MapSqlParameterSource params) {
        if (scope.ownTeacherId() != null) {
            params.addValue("me", scope.ownTeacherId());
            return """
                     AND (EXISTS (SELECT 1 FROM class_teacher ct WHERE ct.class_id = c.id AND ct.user_id = :me)
                          OR EXISTS (SELECT 1 FROM session_teacher st WHERE st.session_id = s.id AND st.user_id = :me))
                    """;
        }
        if (!scope.allCampuses()) {
            params.addValue("campuses", scope.campusIdsOrNone());
            return " AND c.campus_id IN (:campuses)";
        }
        return "";
    }

    private List<ScheduledSession> withTeachers(List<ScheduledSession> sessions) {
        if (sessions.isEmpty()) {
            return sessions;
        }
        Map<Long, List<Long>> teachers = new LinkedHashMap<>();
        List<Long> ids = sessions.stream().map(ScheduledSession::sessionId).toList();
        jdbc.query("SELECT session_id, user_id FROM session_teacher WHERE session_id IN (:ids) ORDER BY user_id",
                Map.of("ids", ids), rs -> {
                    teachers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Set<Long> userIds = new HashSet<>();
        teachers.values().forEach(userIds::addAll);
        Map<Long, String> names = users.displayNames(userIds);
        List<ScheduledSession> result = new ArrayList<>(sessions.size());
        for (ScheduledSession s : sessions) {
            List<Long> who = teachers.getOrDefault(s.sessionId(), List.of());
            result.add(new ScheduledSession(s.sessionId(), s.classId(), s.classCode(), s.className(), s.courseId(),
                    s.courseName(), s.campusId(), List.copyOf(who),
                    who.stream().map(id -> names.getOrDefault(id, "#" + id)).toList(), s.roomId(), s.roomName(),
                    s.date(), s.startsLocal(), s.endsLocal(), s.startAt(), s.endAt(), s.status(), s.cancelReason(),
                    s.origin(), s.held(), s.version()));
        }
        return result;
    }

    private static final org.springframework.jdbc.core.RowMapper<ScheduledSession> ROW = (rs, n) ->
            new ScheduledSession(rs.getLong("id"), rs.getLong("class_id"), rs.getString("code"),
                    rs.getString("class_name"), rs.getLong("course_id"), rs.getString("course_name"),
                    rs.getLong("campus_id"), List.of(), List.of(), rs.getLong("room_id"), rs.getString("room_name"),
                    rs.getObject("session_date", LocalDate.class), rs.getObject("starts_local", LocalDateTime.class),
                    rs.getObject("ends_local", LocalDateTime.class), SessionStore.instant(rs, "start_at"),
                    SessionStore.instant(rs, "end_at"), SessionStatus.valueOf(rs.getString("status")),
                    rs.getString("cancel_reason"), SessionOrigin.valueOf(rs.getString("origin")),
                    rs.getBoolean("held"), rs.getLong("version"));
}
