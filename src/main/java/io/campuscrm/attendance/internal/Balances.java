package io.campuscrm.attendance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.attendance.PackageBalance;

/**
 * Students' balances in courses, in one statement for any number of students: the packages still in force (not
 * expired, something left; frozen ones count, they are only paused) and the owed lessons not yet paid.
 */
@Component
public class Balances {

    private final NamedParameterJdbcTemplate jdbc;

    Balances(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final class Sum {
        BigDecimal remaining = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO.setScale(2);
        BigDecimal owed = BigDecimal.ZERO;
        @Nullable LocalDate nextExpiry;
    }

    private record Key(long studentId, long courseId) {
    }

    /** The balance of each student in the course on {@code today}; every student asked for is in the map. */
    public Map<Long, PackageBalance> inCourse(long courseId, Collection<Long> studentIds, LocalDate today,
            int lowBelow) {
        Map<Long, PackageBalance> result = new HashMap<>();
        if (studentIds.isEmpty()) {
            return result;
        }
        var sums = query("l.course_id = :course AND l.student_id IN (:students)",
                "p.course_id = :course AND p.student_id IN (:students)",
                new MapSqlParameterSource("course", courseId).addValue("students", studentIds).addValue("today",
                        today));
        for (long id : studentIds) {
            result.put(id, balance(new Key(id, courseId), sums.get(new Key(id, courseId)), lowBelow));
        }
        return result;
    }

    /** A student's balance in every course they have a package of or owe lessons in. */
    public Map<Long, PackageBalance> ofStudent(long studentId, LocalDate today, int lowBelow) {
        var sums = query("l.student_id = :student", "p.student_id = :student",
                new MapSqlParameterSource("student", studentId).addValue("today", today));
        Map<Long, PackageBalance> result = new HashMap<>();
        sums.forEach((key, sum) -> result.put(key.courseId(), balance(key, sum, lowBelow)));
        return result;
    }

    /** Each student's balance in every course they have a package of or owe lessons in, by student and course. */
    public Map<Long, Map<Long, PackageBalance>> ofStudents(Collection<Long> studentIds, LocalDate today,
            int lowBelow) {
        Map<Long, Map<Long, PackageBalance>> result = new HashMap<>();
        if (studentIds.isEmpty()) {
            return result;
        }
        var sums = query("l.student_id IN (:students)", "p.student_id IN (:students)",
                new MapSqlParameterSource("students", studentIds).addValue("today", today));
        sums.forEach((key, sum) -> result.computeIfAbsent(key.studentId(), k -> new HashMap<>())
                .put(key.courseId(), balance(key, sum, lowBelow)));
        return result;
    }

    private Map<Key, Sum> query(String owedCondition, String packageCondition, MapSqlParameterSource params) {
        Map<Key, Sum> sums = new HashMap<>();
        jdbc.query("SELECT 'P' AS k, p.student_id, p.course_id, p.quantity, p.consumed, p.purchase_value,"
                + " p.expires_on FROM lesson_package p WHERE " + packageCondition
                + " AND p.status = 'ACTIVE' AND p.expires_on >= :today AND p.consumed < p.quantity"
                + " UNION ALL SELECT 'O', l.student_id, l.course_id, l.quantity, 0, 0, NULL"
                + " FROM lesson_consumption l WHERE " + owedCondition + " AND l.kind = 'OWED'"
                + " AND NOT EXISTS (SELECT 1 FROM lesson_consumption r WHERE r.reverses_id = l.id)", params, rs -> {
                    var sum = sums.computeIfAbsent(new Key(rs.getLong("student_id"), rs.getLong("course_id")),
                            k -> new Sum());
                    var quantity = rs.getBigDecimal("quantity");
                    if ("O".equals(rs.getString("k"))) {
                        sum.owed = sum.owed.add(quantity);
                        return;
                    }
                    var consumed = rs.getBigDecimal("consumed");
                    sum.remaining = sum.remaining.add(quantity.subtract(consumed));
                    sum.value = sum.value.add(PackageValue.remaining(rs.getBigDecimal("purchase_value"), quantity,
                            consumed));
                    var expires = rs.getObject("expires_on", LocalDate.class);
                    if (sum.nextExpiry == null || expires.isBefore(sum.nextExpiry)) {
                        sum.nextExpiry = expires;
                    }
                });
        return sums;
    }

    private static PackageBalance balance(Key key, @Nullable Sum sum, int lowBelow) {
        if (sum == null) {
            return PackageBalance.none(key.studentId(), key.courseId());
        }
        boolean low = sum.remaining.compareTo(BigDecimal.valueOf(lowBelow)) < 0;
        return new PackageBalance(key.studentId(), key.courseId(), PackageValue.plain(sum.remaining), sum.value,
                PackageValue.plain(sum.owed), sum.nextExpiry, low);
    }
}
