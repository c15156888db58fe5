package io.campuscrm.attendance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import io.campuscrm.attendance.PackageUnit;

/**
 * The SQL of the alert lists (decision 0068), each over attendance's own tables and bounded by what it is about, by
 * V32's indexes: the marks of the streak's and the rate's weeks (the sheets' date index, then the marks by their
 * sheet's key), the packages still in force or expiring soon (status and expiry index), the owed lessons (kind
 * index). A list's campus is the one attendance recorded: the class's for marks and owed lessons
 * (copied into the sheet), the student's at purchase for packages.
 */
public final class AlertQueries {

    private AlertQueries() {
    }

    public record StreakRow(long studentId, long classId, int absences, LocalDate lastAbsence) {
    }

    public record RateRow(long studentId, int marked, int attended) {
    }

    public record BalanceRow(long studentId, long courseId, BigDecimal remaining, @Nullable LocalDate nextExpiry) {
    }

    public record ExpiringRow(long packageId, long studentId, long courseId, PackageUnit unit, BigDecimal quantity,
            BigDecimal consumed, BigDecimal purchaseValue, LocalDate expiresOn, boolean warned) {
    }

    public record OwedRow(long entryId, long studentId, long courseId, long sessionId, LocalDate sessionDate,
            BigDecimal quantity) {
    }

    /**
     * Open streaks: per student and class, the marks from {@code since} on, the latest first (by day, then session);
     * the absences before the first mark of another status are the streak, listed when there are {@code n} or more.
     * One pass over the window's marks, reached by the sheets' date index like the rate's: a probe per absence for
     * a later mark would read each student's whole history in the class.
     */
    public static AlertSql<StreakRow> absenceStreaks(LocalDate since, LocalDate today, int n) {
        return new AlertSql<>("""
                SELECT x.student_id, x.class_id, COUNT(*) AS absences, MAX(x.session_date) AS last_absence
                FROM (SELECT m.student_id, m.class_id, m.session_date,
                             SUM(CASE WHEN m.status = 'ABSENT' THEN 0 ELSE 1 END) OVER (
                                 PARTITION BY m.student_id, m.class_id ORDER BY m.session_date DESC, m.session_id DESC
                                 ROWS UNBOUNDED PRECEDING) AS others_since
                      FROM attendance_sheet s JOIN attendance_mark m ON m.session_id = s.session_id
                      WHERE s.session_date BETWEEN :since AND :today AND (:all OR s.campus_id IN (:campuses))
                        AND m.student_id IS NOT NULL) x
                WHERE x.others_since = 0
                GROUP BY x.student_id, x.class_id
                HAVING COUNT(*) >= :n""", "a.last_absence DESC, a.absences DESC, a.student_id, a.class_id",
                new MapSqlParameterSource("since", since).addValue("today", today).addValue("n", n),
                (rs, i) -> new StreakRow(rs.getLong("student_id"), rs.getLong("class_id"), rs.getInt("absences"),
                        rs.getObject("last_absence", LocalDate.class)));
    }

    /** Students attending (present, late, left early) less than {@code threshold} per cent of their marks. */
    public static AlertSql<RateRow> lowRates(LocalDate from, LocalDate today, BigDecimal threshold) {
        return new AlertSql<>("""
                SELECT m.student_id, COUNT(*) AS marked,
                       SUM(CASE WHEN m.status IN ('PRESENT', 'LATE', 'LEFT_EARLY') THEN 1 ELSE 0 END) AS attended
                FROM attendance_sheet s JOIN attendance_mark m ON m.session_id = s.session_id
                WHERE s.session_date BETWEEN :from AND :today AND (:all OR s.campus_id IN (:campuses))
                  AND m.student_id IS NOT NULL
                GROUP BY m.student_id
                HAVING SUM(CASE WHEN m.status IN ('PRESENT', 'LATE', 'LEFT_EARLY') THEN 1 ELSE 0 END) * 100
                       < :threshold * COUNT(*)""", "a.attended / a.marked, a.marked DESC, a.student_id",
                new MapSqlParameterSource("from", from).addValue("today", today).addValue("threshold", threshold),
                (rs, i) -> new RateRow(rs.getLong("student_id"), rs.getInt("marked"), rs.getInt("attended")));
    }

    /**
     * Students whose packages of a course still in force (even used up: those are the ones to renew) have less left
     * than the low-balance threshold of the package's campus ({@code below}: campus id to threshold; others
     * {@code fallback}).
     */
    public static AlertSql<BalanceRow> lowBalances(LocalDate today, Map<Long, Integer> below, int fallback) {
        var params = new MapSqlParameterSource("today", today).addValue("fallback", fallback);
        var threshold = new StringBuilder(below.isEmpty() ? ":fallback" : "CASE p.campus_id");
        int i = 0;
        for (var entry : below.entrySet()) {
            threshold.append(" WHEN :campus").append(i).append(" THEN :below").append(i);
            params.addValue("campus" + i, entry.getKey()).addValue("below" + i, entry.getValue());
            i++;
        }
        if (!below.isEmpty()) {
            threshold.append(" ELSE :fallback END");
        }
        return new AlertSql<>("""
                SELECT p.student_id, p.course_id, SUM(p.quantity - p.consumed) AS remaining,
                       MIN(CASE WHEN p.consumed < p.quantity THEN p.expires_on END) AS next_expiry
                FROM lesson_package p
                WHERE p.status = 'ACTIVE' AND p.expires_on >= :today AND (:all OR p.campus_id IN (:campuses))
                GROUP BY p.student_id, p.course_id
                HAVING SUM(p.quantity - p.consumed) < MAX(%s)""".formatted(threshold),
                "a.remaining, a.next_expiry, a.student_id, a.course_id", params,
                (rs, n) -> new BalanceRow(rs.getLong("student_id"), rs.getLong("course_id"),
                        rs.getBigDecimal("remaining"), rs.getObject("next_expiry", LocalDate.class)));
    }

    /** Packages with something left that expire from today to {@code until}, the soonest first. */
    public static AlertSql<ExpiringRow> expiring(LocalDate today, LocalDate until) {
        return new AlertSql<>("""
                SELECT p.id, p.student_id, p.course_id, p.unit, p.quantity, p.consumed, p.purchase_value,
                       p.expires_on, p.expiry_warned
                FROM lesson_package p
                WHERE p.status = 'ACTIVE' AND p.expires_on BETWEEN :today AND :until AND p.consumed < p.quantity
                  AND (:all OR p.campus_id IN (:campuses))""", "a.expires_on, a.id",
                new MapSqlParameterSource("today", today).addValue("until", until),
                (rs, n) -> new ExpiringRow(rs.getLong("id"), rs.getLong("student_id"), rs.getLong("course_id"),
                        PackageUnit.valueOf(rs.getString("unit")), rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("consumed"), rs.getBigDecimal("purchase_value"),
                        rs.getObject("expires_on", LocalDate.class), rs.getBoolean("expiry_warned")));
    }

    /** Owed lessons no package has paid yet (no reversal points at them), the oldest session first. */
    public static AlertSql<OwedRow> owed() {
        return new AlertSql<>("""
                SELECT l.id, l.student_id, l.course_id, l.session_id, l.session_date, l.quantity
                FROM lesson_consumption l JOIN attendance_sheet s ON s.session_id = l.session_id
                WHERE l.kind = 'OWED' AND (:all OR s.campus_id IN (:campuses))
                  AND NOT EXISTS (SELECT 1 FROM lesson_consumption r WHERE r.reverses_id = l.id)""",
                "a.session_date, a.id", new MapSqlParameterSource(),
                (rs, n) -> new OwedRow(rs.getLong("id"), rs.getLong("student_id"), rs.getLong("course_id"),
                        rs.getLong("session_id"), rs.getObject("session_date", LocalDate.class),
                        rs.getBigDecimal("quantity")));
    }
}
