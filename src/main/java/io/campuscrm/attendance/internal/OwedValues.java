package io.campuscrm.attendance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.attendance.PackageUnit;

/**
 * What owed lessons are worth. An owed row counts in the unit of the student's packages of the course (hours when
 * they were sold in hours, else lessons: the ledger owes in the last package's unit, lessons without any), so the
 * unit is read from their latest package; the value is the quantity at the course's lesson price, per hour for
 * hours (the price over the course's usual lesson length), to the cent.
 */
@Component
public class OwedValues {

    private final NamedParameterJdbcTemplate jdbc;

    OwedValues(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Key(long studentId, long courseId) {
    }

    /** The unit of each student's latest package of each course, for those that have one: one statement. */
    public Map<Key, PackageUnit> units(Collection<Long> studentIds, Collection<Long> courseIds) {
        Map<Key, PackageUnit> units = new HashMap<>();
        if (studentIds.isEmpty() || courseIds.isEmpty()) {
            return units;
        }
        jdbc.query("""
                SELECT student_id, course_id, unit FROM lesson_package
                WHERE student_id IN (:students) AND course_id IN (:courses) ORDER BY id""",
                new MapSqlParameterSource("students", studentIds).addValue("courses", courseIds),
                rs -> {
                    units.put(new Key(rs.getLong("student_id"), rs.getLong("course_id")),
                            PackageUnit.valueOf(rs.getString("unit")));
                });
        return units;
    }

    public static BigDecimal value(BigDecimal quantity, PackageUnit unit, BigDecimal lessonPrice, int lessonMinutes) {
        if (unit == PackageUnit.HOURS && lessonMinutes > 0) {
            return quantity.multiply(lessonPrice).multiply(BigDecimal.valueOf(60))
                    .divide(BigDecimal.valueOf(lessonMinutes), 2, RoundingMode.HALF_UP);
        }
        return quantity.multiply(lessonPrice).setScale(2, RoundingMode.HALF_UP);
    }
}
