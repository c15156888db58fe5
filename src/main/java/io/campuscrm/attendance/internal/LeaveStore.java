package io.campuscrm.attendance.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;

/** Leave requests and the make-up seats they were given, as rosters read them. */
@Component
public class LeaveStore {

    private final NamedParameterJdbcTemplate jdbc;

    LeaveStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A leave from a session, with its make-up if one was booked. */
    public record LeaveRow(long id, long studentId, long sessionId, long classId, LocalDate sessionDate,
            String reason, @Nullable Long makeUpSessionId, @Nullable LocalDate makeUpDate) {
    }

    private static final String COLUMNS = """
            id, student_id, session_id, class_id, session_date, reason, make_up_session_id, make_up_date""";

    /** The session's leaves in force, by student. */
    public Map<Long, LeaveRow> from(long sessionId) {
        Map<Long, LeaveRow> result = new HashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM attendance_leave WHERE session_id = :id AND cancelled_at IS NULL",
                Map.of("id", sessionId), rs -> {
                    var row = row(rs);
                    result.put(row.studentId(), row);
                });
        return result;
    }

    /** The make-up seats booked into this session. */
    public List<LeaveRow> makeUpsIn(long sessionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM attendance_leave WHERE make_up_session_id = :id"
                + " AND cancelled_at IS NULL ORDER BY id", Map.of("id", sessionId), (rs, n) -> row(rs));
    }

    static LeaveRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long makeUp = rs.getLong("make_up_session_id");
        Long makeUpSessionId = rs.wasNull() ? null : makeUp;
        return new LeaveRow(rs.getLong("id"), rs.getLong("student_id"), rs.getLong("session_id"),
                rs.getLong("class_id"), rs.getObject("session_date", LocalDate.class), rs.getString("reason"),
                makeUpSessionId, rs.getObject("make_up_date", LocalDate.class));
    }

    /** A leave with everything its list shows. */
    public record LeaveFull(LeaveRow row, long courseId, @Nullable String requestedBy, boolean cancelled, long version,
            @Nullable Long makeUpClassId, @Nullable String updatedBy, java.time.Instant updatedAt) {
    }

    private static final String FULL = COLUMNS
            + ", course_id, requested_by, cancelled_at, version, make_up_class_id, updated_by, updated_at";

    private static LeaveFull full(java.sql.ResultSet rs) throws java.sql.SQLException {
        long makeUpClass = rs.getLong("make_up_class_id");
        Long makeUpClassId = rs.wasNull() ? null : makeUpClass;
        return new LeaveFull(row(rs), rs.getLong("course_id"), rs.getString("requested_by"),
                rs.getObject("cancelled_at") != null, rs.getLong("version"), makeUpClassId, rs.getString("updated_by"),
                java.util.Objects.requireNonNull(UtcDateTime.read(rs, "updated_at")));
    }

    public java.util.Optional<LeaveFull> find(long id) {
        return jdbc.query("SELECT " + FULL + " FROM attendance_leave WHERE id = :id", Map.of("id", id),
                (rs, n) -> full(rs)).stream().findFirst();
    }

    /** A student's leaves, the latest session first, at most {@code limit}. */
    public List<LeaveFull> ofStudent(long studentId, int limit) {
        return jdbc.query("SELECT " + FULL + " FROM attendance_leave WHERE student_id = :id"
                + " ORDER BY session_date DESC, id DESC LIMIT :limit", Map.of("id", studentId, "limit", limit),
                (rs, n) -> full(rs));
    }

    /** The leave in force of a student from a session, if any. */
    public java.util.Optional<LeaveFull> inForce(long sessionId, long studentId) {
        return jdbc.query("SELECT " + FULL + " FROM attendance_leave WHERE session_id = :session"
                + " AND student_id = :student AND cancelled_at IS NULL", Map.of("session", sessionId, "student",
                        studentId), (rs, n) -> full(rs)).stream().findFirst();
    }

    public long insert(long studentId, SessionFacts session, String reason, @Nullable String requestedBy,
            java.time.Instant now, String user) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("student", studentId)
                .addValue("session", session.sessionId()).addValue("class", session.classId())
                .addValue("course", session.courseId()).addValue("date", session.date()).addValue("reason", reason)
                .addValue("by", requestedBy, java.sql.Types.VARCHAR).addValue("now", UtcDateTime.of(now))
                .addValue("user", user);
        jdbc.update("""
                INSERT INTO attendance_leave (student_id, session_id, class_id, course_id, session_date, reason,
                    requested_by, version, created_at, created_by, updated_at, updated_by)
                VALUES (:student, :session, :class, :course, :date, :reason, :by, 0, :now, :user, :now, :user)""",
                params, keys, new String[] {"id"});
        return java.util.Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** Sets or clears the make-up seat under the leave's version; false when someone changed the leave first. */
    public boolean makeUp(long id, long version, @Nullable SessionFacts makeUp, java.time.Instant now, String user) {
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("id", id)
                .addValue("version", version)
                .addValue("session", makeUp == null ? null : makeUp.sessionId(), java.sql.Types.BIGINT)
                .addValue("class", makeUp == null ? null : makeUp.classId(), java.sql.Types.BIGINT)
                .addValue("date", makeUp == null ? null : makeUp.date(), java.sql.Types.DATE)
                .addValue("now", UtcDateTime.of(now)).addValue("user", user);
        return jdbc.update("""
                UPDATE attendance_leave SET make_up_session_id = :session, make_up_class_id = :class,
                    make_up_date = :date, version = version + 1, updated_at = :now, updated_by = :user
                WHERE id = :id AND version = :version AND cancelled_at IS NULL""", params) == 1;
    }

    public boolean cancel(long id, long version, java.time.Instant now, String user) {
        return jdbc.update("""
                UPDATE attendance_leave SET cancelled_at = :now, version = version + 1, updated_at = :now,
                    updated_by = :user WHERE id = :id AND version = :version AND cancelled_at IS NULL""",
                Map.of("id", id, "version", version, "now", UtcDateTime.of(now), "user", user)) == 1;
    }

    /** How many make-up seats are booked into each of these sessions. */
    public Map<Long, Integer> makeUpCounts(java.util.Collection<Long> sessionIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return counts;
        }
        jdbc.query("SELECT make_up_session_id, COUNT(*) FROM attendance_leave WHERE make_up_session_id IN (:ids)"
                + " AND cancelled_at IS NULL GROUP BY make_up_session_id", Map.of("ids", sessionIds),
                rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** Students with a make-up seat in these classes from {@code from} on: the classes' teachers may see them. */
    public java.util.Set<Long> makeUpStudentsIn(java.util.Collection<Long> classIds, LocalDate from) {
        if (classIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.queryForList("SELECT DISTINCT student_id FROM attendance_leave"
                + " WHERE make_up_class_id IN (:classes) AND make_up_date >= :from AND cancelled_at IS NULL",
                Map.of("classes", classIds, "from", from), Long.class));
    }
}
