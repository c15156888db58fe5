package io.campuscrm.attendance.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;

/**
 * The packages the renewal report looks at, in one streamed statement: every package of each student and course
 * that has a package which may have run out in the period (it was in force then, and is used up or expires by the
 * period's end), with when it was last consumed, what expiry took, and the class the student was last marked in, in
 * that course, by the time it ran out. Handed over a student and course at a time, so no more than one pair is held.
 */
@Component
public class RenewalLedger {

    private final NamedParameterJdbcTemplate jdbc;

    RenewalLedger(DataSource dataSource) {
        this.jdbc = StreamingJdbc.over(dataSource);
    }

    /** Hands each student and course's packages, in the order they were created, to {@code pair}. */
    public void forEachPair(LocalDate from, LocalDate to, ZoneId zone, Consumer<List<RenewalRule.Pkg>> pair) {
        List<RenewalRule.Pkg> current = new ArrayList<>();
        jdbc.query("""
                SELECT x.*,
                  (SELECT m.class_id FROM attendance_mark m
                   WHERE m.student_id = x.student_id AND m.course_id = x.course_id
                     AND m.session_date <= CASE WHEN x.consumed - x.forfeited >= x.quantity AND x.last_used IS NOT NULL
                                                THEN x.last_used ELSE x.expires_on END
                   ORDER BY m.session_date DESC, m.session_id DESC LIMIT 1) AS last_class
                FROM (SELECT p.id, p.student_id, p.course_id, p.campus_id, p.created_at, p.starts_on, p.expires_on,
                        p.quantity, p.consumed,
                        COALESCE((SELECT SUM(e.quantity) FROM lesson_consumption e
                                  WHERE e.package_id = p.id AND e.kind = 'EXPIRED'), 0) AS forfeited,
                        (SELECT MAX(c.session_date) FROM lesson_consumption c
                         WHERE c.package_id = p.id AND c.kind = 'CONSUMED'
                           AND NOT EXISTS (SELECT 1 FROM lesson_consumption r WHERE r.reverses_id = c.id)) AS last_used
                      FROM lesson_package p
                      WHERE (p.student_id, p.course_id) IN (
                          SELECT c.student_id, c.course_id FROM lesson_package c
                          WHERE c.expires_on >= :from AND c.starts_on <= :to
                            AND (c.consumed >= c.quantity OR c.expires_on <= :to))) x
                ORDER BY x.student_id, x.course_id, x.id""",
                new MapSqlParameterSource("from", from).addValue("to", to), rs -> {
                    var pkg = pkg(rs, zone);
                    if (!current.isEmpty() && (current.getFirst().studentId() != pkg.studentId()
                            || current.getFirst().courseId() != pkg.courseId())) {
                        pair.accept(List.copyOf(current));
                        current.clear();
                    }
                    current.add(pkg);
                });
        if (!current.isEmpty()) {
            pair.accept(List.copyOf(current));
        }
    }

    private static RenewalRule.Pkg pkg(ResultSet rs, ZoneId zone) throws SQLException {
        return new RenewalRule.Pkg(rs.getLong("id"), rs.getLong("student_id"), rs.getLong("course_id"),
                nullableLong(rs, "campus_id"),
                Objects.requireNonNull(UtcDateTime.read(rs, "created_at")).atZone(zone).toLocalDate(),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
                rs.getBigDecimal("quantity"), rs.getBigDecimal("consumed"), decimal(rs, "forfeited"),
                rs.getObject("last_used", LocalDate.class), nullableLong(rs, "last_class"));
    }

    private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        var value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value;
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
