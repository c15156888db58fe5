package io.campuscrm.attendance.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.attendance.ConsumptionLine;
import io.campuscrm.attendance.PackageUnit;

/**
 * The ledger as the consumption report reads it, per course, campus (the package's) and unit, in three statements
 * whatever the size of the school. Rows count by when they were booked ({@code occurred_at}, indexed, V33): the
 * period's rows are its consumption and forfeits; the balances at the period's end are today's balances of the
 * packages that existed then plus what was booked after it. Today's remaining value is each package's by
 * {@link PackageValue}, and a ledger row's value is a step of that same rule, so the balance at the end is exactly
 * what the package's purchase value less its rows up to then leaves.
 */
@Component
public class ConsumptionLedger {

    private final NamedParameterJdbcTemplate jdbc;

    ConsumptionLedger(DataSource dataSource) {
        this.jdbc = StreamingJdbc.over(dataSource);
    }

    private record Key(long courseId, @Nullable Long campusId, PackageUnit unit) {
    }

    private static final class Sums {
        BigDecimal consumed = zero();
        BigDecimal consumedValue = zero();
        BigDecimal forfeited = zero();
        BigDecimal forfeitedValue = zero();
        BigDecimal remaining = zero();
        BigDecimal remainingValue = zero();
        BigDecimal owed = zero();

        boolean empty() {
            return consumed.signum() == 0 && consumedValue.signum() == 0 && forfeited.signum() == 0
                    && remaining.signum() == 0 && remainingValue.signum() == 0 && owed.signum() == 0;
        }
    }

    /** The lines of the period from {@code start} (inclusive) to {@code end} (exclusive), with anything in them. */
    public List<ConsumptionLine> lines(Instant start, Instant end, CampusReach reach) {
        if (reach.none()) {
            return List.of();
        }
        var params = new MapSqlParameterSource("start", UtcDateTime.of(start)).addValue("end", UtcDateTime.of(end))
                .addValue("campuses", reach.ids());
        Map<Key, Sums> sums = new LinkedHashMap<>();
        jdbc.query("""
                SELECT p.course_id, p.campus_id, p.unit,
                  SUM(CASE WHEN l.occurred_at < :end AND l.kind <> 'EXPIRED' THEN l.quantity ELSE 0 END) AS consumed,
                  SUM(CASE WHEN l.occurred_at < :end AND l.kind <> 'EXPIRED' THEN l.value ELSE 0 END) AS consumed_value,
                  SUM(CASE WHEN l.occurred_at < :end AND l.kind = 'EXPIRED' THEN l.quantity ELSE 0 END) AS forfeited,
                  SUM(CASE WHEN l.occurred_at < :end AND l.kind = 'EXPIRED' THEN l.value ELSE 0 END) AS forfeited_value,
                  SUM(CASE WHEN l.occurred_at >= :end THEN l.quantity ELSE 0 END) AS later,
                  SUM(CASE WHEN l.occurred_at >= :end THEN l.value ELSE 0 END) AS later_value
                FROM lesson_consumption l JOIN lesson_package p ON p.id = l.package_id
                WHERE l.occurred_at >= :start AND p.created_at < :end""" + reach.condition("p.campus_id")
                + " GROUP BY p.course_id, p.campus_id, p.unit", params, rs -> {
                    var sum = sums.computeIfAbsent(key(rs.getLong(1), campus(rs), rs.getString(3)), k -> new Sums());
                    sum.consumed = rs.getBigDecimal("consumed");
                    sum.consumedValue = rs.getBigDecimal("consumed_value");
                    sum.forfeited = rs.getBigDecimal("forfeited");
                    sum.forfeitedValue = rs.getBigDecimal("forfeited_value");
                    // what was consumed after the end was still there at the end
                    sum.remaining = sum.remaining.add(rs.getBigDecimal("later"));
                    sum.remainingValue = sum.remainingValue.add(rs.getBigDecimal("later_value"));
                });
        // Packages with something left today, streamed: a large school has a hundred thousand of them.
        jdbc.query("""
                SELECT p.course_id, p.campus_id, p.unit, p.quantity, p.consumed, p.purchase_value
                FROM lesson_package p WHERE p.created_at < :end AND p.consumed < p.quantity"""
                + reach.condition("p.campus_id"), params, rs -> {
                    var sum = sums.computeIfAbsent(key(rs.getLong(1), campus(rs), rs.getString(3)), k -> new Sums());
                    var quantity = rs.getBigDecimal("quantity");
                    var consumed = rs.getBigDecimal("consumed");
                    sum.remaining = sum.remaining.add(quantity.subtract(consumed));
                    sum.remainingValue = sum.remainingValue.add(PackageValue.remaining(
                            rs.getBigDecimal("purchase_value"), quantity, consumed));
                });
        // Owed lessons have no package: they belong to the campus of the session they were attended at.
        jdbc.query("""
                SELECT l.course_id, s.campus_id, SUM(l.quantity) FROM lesson_consumption l
                LEFT JOIN attendance_sheet s ON s.session_id = l.session_id
                WHERE l.package_id IS NULL AND l.occurred_at < :end""" + reach.condition("s.campus_id")
                + " GROUP BY l.course_id, s.campus_id HAVING SUM(l.quantity) <> 0", params, rs -> {
                    var owed = rs.getBigDecimal(3);
                    owedLine(sums, rs.getLong(1), campus(rs)).owed = owed;
                });
        List<ConsumptionLine> lines = new ArrayList<>();
        sums.forEach((key, sum) -> {
            if (!sum.empty()) {
                lines.add(new ConsumptionLine(key.courseId(), key.campusId(), key.unit(), sum.consumed,
                        sum.consumedValue, sum.forfeited, sum.forfeitedValue, sum.remaining, sum.remainingValue,
                        sum.owed));
            }
        });
        lines.sort(Comparator.comparing(ConsumptionLine::unit).thenComparingLong(ConsumptionLine::courseId)
                .thenComparing(ConsumptionLine::campusId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return lines;
    }

    /**
     * Owed lessons count in the unit their course is sold in at the campus: its lessons line, or its only line; a
     * lessons line of their own when it has none.
     */
    private static Sums owedLine(Map<Key, Sums> sums, long courseId, @Nullable Long campusId) {
        var lessons = new Key(courseId, campusId, PackageUnit.LESSONS);
        var hours = new Key(courseId, campusId, PackageUnit.HOURS);
        if (!sums.containsKey(lessons) && sums.containsKey(hours)) {
            return sums.get(hours);
        }
        return sums.computeIfAbsent(lessons, k -> new Sums());
    }

    private static Key key(long courseId, @Nullable Long campusId, String unit) {
        return new Key(courseId, campusId, PackageUnit.valueOf(unit));
    }

    private static @Nullable Long campus(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong(2);
        return rs.wasNull() ? null : id;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
