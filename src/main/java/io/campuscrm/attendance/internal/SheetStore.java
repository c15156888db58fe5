package io.campuscrm.attendance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.Mark;
import io.campuscrm.attendance.MarkChange;
import io.campuscrm.shared.database.MultiRowInsert;

/**
 * Attendance sheets, their marks and the marks' history, with plain JDBC: a roster of any size is read in two
 * statements and written in four (the sheet, the marks in one batch, the history in one batch).
 */
@Component
public class SheetStore {

    private final NamedParameterJdbcTemplate jdbc;

    SheetStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A sheet's header. */
    public record Sheet(long sessionId, long version, Instant firstTakenAt, @Nullable String firstTakenBy,
            Instant updatedAt, @Nullable String updatedBy, int seats, int marked) {
    }

    /** A mark as stored, with its seat's kind and student. */
    public record StoredMark(String seat, @Nullable Long studentId, String seatKind, Mark mark) {
    }

    /** A mark to write. */
    public record NewMark(String seat, @Nullable Long studentId, String seatKind, AttendanceStatus status,
            @Nullable Integer lateMinutes, @Nullable String note, @Nullable Mark before) {
    }

    public Optional<Sheet> find(long sessionId) {
        return jdbc.query("""
                SELECT session_id, version, first_taken_at, first_taken_by, updated_at, updated_by, seats, marked
                FROM attendance_sheet WHERE session_id = :id""", Map.of("id", sessionId), (rs, n) -> sheet(rs))
                .stream().findFirst();
    }

    /** The session's facts as its sheet copied them when attendance was first taken (its length for hours). */
    public Optional<SessionFacts> facts(long sessionId) {
        return jdbc.query("""
                SELECT session_id, class_id, course_id, campus_id, session_date, start_at, minutes
                FROM attendance_sheet WHERE session_id = :id""", Map.of("id", sessionId),
                (rs, n) -> new SessionFacts(rs.getLong("session_id"), rs.getLong("class_id"), rs.getLong("course_id"),
                        rs.getLong("campus_id"), rs.getObject("session_date", LocalDate.class),
                        Objects.requireNonNull(UtcDateTime.read(rs, "start_at")), rs.getInt("minutes")))
                .stream().findFirst();
    }

    /** The sheets of these sessions (a teacher's week), by session. */
    public Map<Long, Sheet> findAll(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Sheet> result = new HashMap<>();
        jdbc.query("""
                SELECT session_id, version, first_taken_at, first_taken_by, updated_at, updated_by, seats, marked
                FROM attendance_sheet WHERE session_id IN (:ids)""", Map.of("ids", sessionIds), rs -> {
                    var sheet = sheet(rs);
                    result.put(sheet.sessionId(), sheet);
                });
        return result;
    }

    private static Sheet sheet(ResultSet rs) throws SQLException {
        return new Sheet(rs.getLong("session_id"), rs.getLong("version"),
                Objects.requireNonNull(UtcDateTime.read(rs, "first_taken_at")), rs.getString("first_taken_by"),
                Objects.requireNonNull(UtcDateTime.read(rs, "updated_at")), rs.getString("updated_by"), rs.getInt("seats"),
                rs.getInt("marked"));
    }

    public Map<String, StoredMark> marks(long sessionId) {
        Map<String, StoredMark> marks = new HashMap<>();
        jdbc.query("""
                SELECT seat, student_id, seat_kind, status, late_minutes, note, marked_by, marked_at
                FROM attendance_mark WHERE session_id = :id""", Map.of("id", sessionId), rs -> {
                    long student = rs.getLong("student_id");
                    Long studentId = rs.wasNull() ? null : student;
                    int late = rs.getInt("late_minutes");
                    Integer lateMinutes = rs.wasNull() ? null : late;
                    marks.put(rs.getString("seat"), new StoredMark(rs.getString("seat"), studentId,
                            rs.getString("seat_kind"), new Mark(AttendanceStatus.valueOf(rs.getString("status")),
                                    lateMinutes, rs.getString("note"), rs.getString("marked_by"),
                                    Objects.requireNonNull(UtcDateTime.read(rs, "marked_at")))));
                });
        return marks;
    }

    /**
     * Creates the sheet when attendance is first taken; false when another user created it meanwhile (the insert
     * waits for theirs to commit, then finds the row).
     */
    public boolean create(SessionFacts s, Instant now, String user, int seats, int marked) {
        var params = new MapSqlParameterSource("id", s.sessionId()).addValue("classId", s.classId())
                .addValue("courseId", s.courseId()).addValue("campusId", s.campusId()).addValue("date", s.date())
                .addValue("startAt", UtcDateTime.of(s.startAt())).addValue("minutes", s.minutes()).addValue("seats", seats)
                .addValue("marked", marked).addValue("now", UtcDateTime.of(now)).addValue("user", user);
        return jdbc.update("""
                INSERT IGNORE INTO attendance_sheet (session_id, class_id, course_id, campus_id, session_date, start_at,
                    minutes, seats, marked, first_taken_at, first_taken_by, version, updated_at, updated_by)
                VALUES (:id, :classId, :courseId, :campusId, :date, :startAt, :minutes, :seats, :marked, :now, :user,
                    1, :now, :user)""", params) == 1;
    }

    /** Moves the sheet from {@code version} to the next; false when another save moved it first. */
    public boolean advance(long sessionId, long version, Instant now, String user, int seats, int marked) {
        var params = new MapSqlParameterSource("id", sessionId).addValue("version", version)
                .addValue("now", UtcDateTime.of(now)).addValue("user", user).addValue("seats", seats)
                .addValue("marked", marked);
        return jdbc.update("""
                UPDATE attendance_sheet SET version = version + 1, updated_at = :now, updated_by = :user,
                    seats = :seats, marked = :marked
                WHERE session_id = :id AND version = :version""", params) == 1;
    }

    /** Writes the changed marks in one statement and their history in another. */
    public void write(SessionFacts s, List<NewMark> marks, boolean correction, Instant now, String user) {
        if (marks.isEmpty()) {
            return;
        }
        var at = UtcDateTime.of(now);
        var plain = jdbc.getJdbcTemplate();
        MultiRowInsert.insertAll(plain, """
                attendance_mark (session_id, seat, student_id, seat_kind, status, late_minutes, note,
                    class_id, course_id, session_date, marked_at, marked_by)""", """
                ON DUPLICATE KEY UPDATE status = VALUES(status), late_minutes = VALUES(late_minutes),
                    note = VALUES(note), marked_at = VALUES(marked_at), marked_by = VALUES(marked_by)""", 12, marks,
                m -> new Object[] {s.sessionId(), m.seat(), m.studentId(), m.seatKind(), m.status().name(),
                        m.lateMinutes(), m.note(), s.classId(), s.courseId(), s.date(), at, user});
        MultiRowInsert.insertAll(plain, """
                attendance_change (session_id, seat, student_id, before_status, before_late_minutes,
                    before_note, after_status, after_late_minutes, after_note, correction, changed_at, changed_by)""",
                "", 12, marks, m -> new Object[] {s.sessionId(), m.seat(), m.studentId(),
                        m.before() == null ? null : m.before().status().name(),
                        m.before() == null ? null : m.before().lateMinutes(),
                        m.before() == null ? null : m.before().note(), m.status().name(), m.lateMinutes(), m.note(),
                        correction, at, user});
    }

    /** A sheet's history, newest first. */
    public List<MarkChange> history(long sessionId) {
        return jdbc.query("""
                SELECT seat, student_id, before_status, before_late_minutes, before_note, after_status,
                       after_late_minutes, after_note, correction, changed_by, changed_at
                FROM attendance_change WHERE session_id = :id ORDER BY id DESC""", Map.of("id", sessionId),
                (rs, n) -> change(rs));
    }

    static MarkChange change(ResultSet rs) throws SQLException {
        long student = rs.getLong("student_id");
        Long studentId = rs.wasNull() ? null : student;
        String before = rs.getString("before_status");
        return new MarkChange(rs.getString("seat"), studentId, before == null ? null : AttendanceStatus.valueOf(before),
                integer(rs, "before_late_minutes"), rs.getString("before_note"),
                AttendanceStatus.valueOf(rs.getString("after_status")), integer(rs, "after_late_minutes"),
                rs.getString("after_note"), rs.getBoolean("correction"), rs.getString("changed_by"),
                Objects.requireNonNull(UtcDateTime.read(rs, "changed_at")));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** A student's marks between two dates, counted per class and status: one range scan of the student's index. */
    public Map<Long, Map<AttendanceStatus, Integer>> countsOf(long studentId, LocalDate from, LocalDate toInclusive) {
        Map<Long, Map<AttendanceStatus, Integer>> counts = new java.util.LinkedHashMap<>();
        jdbc.query("""
                SELECT class_id, status, COUNT(*) FROM attendance_mark
                WHERE student_id = :student AND session_date BETWEEN :from AND :to
                GROUP BY class_id, status ORDER BY class_id""",
                new MapSqlParameterSource("student", studentId).addValue("from", from).addValue("to", toInclusive),
                rs -> {
                    counts.computeIfAbsent(rs.getLong(1), k -> new java.util.EnumMap<>(AttendanceStatus.class))
                            .put(AttendanceStatus.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return counts;
    }
}
