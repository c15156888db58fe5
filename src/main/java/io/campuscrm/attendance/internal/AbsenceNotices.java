package io.campuscrm.attendance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;

/**
 * Which absences the guardians were told about, one row per session and student (V34): the absence e-mail's
 * memory, so that it is written once whatever is retried or saved again.
 */
@Component
class AbsenceNotices {

    private final JdbcTemplate jdbc;

    AbsenceNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records these students' absence from the session and answers those recorded now, not before: two
     * statements whatever their number. A row another transaction is writing makes this one wait for it, and then
     * leaves that student out.
     */
    List<Long> claim(long sessionId, Collection<Long> studentIds, Instant now) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        String run = UUID.randomUUID().toString();
        var sql = new StringBuilder(
                "INSERT IGNORE INTO attendance_absence_notice (session_id, student_id, claimed_by, noticed_at) VALUES ");
        List<Object> args = new ArrayList<>();
        for (long studentId : studentIds) {
            sql.append(args.isEmpty() ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
            args.addAll(List.of(sessionId, studentId, run, UtcDateTime.of(now)));
        }
        jdbc.update(sql.toString(), args.toArray());
        return jdbc.queryForList("SELECT student_id FROM attendance_absence_notice WHERE session_id = ?"
                + " AND claimed_by = ? ORDER BY student_id", Long.class, sessionId, run);
    }
}
