package io.campuscrm.attendance.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.attendance.AttendanceStatus;

/**
 * The marks the attendance reports read, each a range of {@code ix_attendance_mark_class (class_id, session_date)}.
 * Guests' seats (no student) are left out: the reports are about students.
 */
@Component
public class ReportMarks {

    private final NamedParameterJdbcTemplate jdbc;

    ReportMarks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A student's mark on a session. */
    public record StudentMark(long sessionId, long studentId, AttendanceStatus status, @Nullable Integer lateMinutes) {
    }

    /** The students' marks of a class's sessions from {@code from} to {@code to} (inclusive). */
    public List<StudentMark> ofClass(long classId, LocalDate from, LocalDate to) {
        List<StudentMark> marks = new ArrayList<>();
        jdbc.query("""
                SELECT session_id, student_id, status, late_minutes FROM attendance_mark
                WHERE class_id = :class AND session_date BETWEEN :from AND :to AND student_id IS NOT NULL""",
                period(classId, from, to), rs -> {
                    int late = rs.getInt("late_minutes");
                    Integer lateMinutes = rs.wasNull() ? null : late;
                    marks.add(new StudentMark(rs.getLong("session_id"), rs.getLong("student_id"),
                            AttendanceStatus.valueOf(rs.getString("status")), lateMinutes));
                });
        return marks;
    }

    /** The students' marks of a class from {@code from} to {@code to} (inclusive), counted per student and status. */
    public Map<Long, Map<AttendanceStatus, Integer>> countsOfClass(long classId, LocalDate from, LocalDate to) {
        Map<Long, Map<AttendanceStatus, Integer>> counts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT student_id, status, COUNT(*) FROM attendance_mark
                WHERE class_id = :class AND session_date BETWEEN :from AND :to AND student_id IS NOT NULL
                GROUP BY student_id, status""", period(classId, from, to),
                rs -> {
                    counts.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(AttendanceStatus.class))
                            .put(AttendanceStatus.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return counts;
    }

    private static MapSqlParameterSource period(long classId, LocalDate from, LocalDate to) {
        return new MapSqlParameterSource("class", classId).addValue("from", from).addValue("to", to);
    }
}
