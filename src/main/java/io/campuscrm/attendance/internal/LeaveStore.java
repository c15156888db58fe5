package io.campuscrm.attendance.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

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
}
