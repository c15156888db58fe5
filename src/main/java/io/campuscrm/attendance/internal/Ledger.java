package io.campuscrm.attendance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.attendance.PackageUnit;
import io.campuscrm.shared.database.MultiRowInsert;
import io.campuscrm.shared.security.CurrentUser;

/**
 * The consumption ledger (课消), append only: rows are inserted, never updated or deleted; a correction inserts a
 * reversal pointing at the row it cancels. Each package's {@code consumed} column is the sum of its rows, written in
 * the same transaction under the package's row lock. A lesson is taken from the oldest-expiring package that is
 * valid on the session's date (started, not expired, not frozen) and has it; with nothing left it is owed, and owed
 * lessons are paid from the next package the student gets.
 */
@Component
public class Ledger {

    static final String CONSUMED = "CONSUMED";
    static final String OWED = "OWED";
    static final String REVERSED = "REVERSED";
    static final String EXPIRED = "EXPIRED";

    private static final String PACKAGE_COLUMNS = """
            id, student_id, unit, quantity, purchase_value, consumed, starts_on, expires_on, frozen_from,
            frozen_until, status""";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    Ledger(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Whether a seat's mark should now consume a lesson of the session's course. */
    public record Booking(String seat, long studentId, boolean consume) {
    }

    /** A package as the ledger works on it, locked. */
    static final class Pkg {
        final long id;
        final long studentId;
        final PackageUnit unit;
        final BigDecimal quantity;
        final BigDecimal purchaseValue;
        BigDecimal consumed;
        final LocalDate startsOn;
        final LocalDate expiresOn;
        final @Nullable LocalDate frozenFrom;
        final @Nullable LocalDate frozenUntil;
        String status;
        boolean touched;

        Pkg(ResultSet rs) throws SQLException {
            id = rs.getLong("id");
            studentId = rs.getLong("student_id");
            unit = PackageUnit.valueOf(rs.getString("unit"));
            quantity = rs.getBigDecimal("quantity");
            purchaseValue = rs.getBigDecimal("purchase_value");
            consumed = rs.getBigDecimal("consumed");
            startsOn = rs.getObject("starts_on", LocalDate.class);
            expiresOn = rs.getObject("expires_on", LocalDate.class);
            frozenFrom = rs.getObject("frozen_from", LocalDate.class);
            frozenUntil = rs.getObject("frozen_until", LocalDate.class);
            status = rs.getString("status");
        }

        BigDecimal remaining() {
            return quantity.subtract(consumed);
        }

        boolean validOn(LocalDate date) {
            boolean frozen = frozenFrom != null && frozenUntil != null && !date.isBefore(frozenFrom)
                    && !date.isAfter(frozenUntil);
            return !date.isBefore(startsOn) && !date.isAfter(expiresOn) && !frozen;
        }

        /** Moves consumption by {@code delta} and answers the value of that step. */
        BigDecimal move(BigDecimal delta) {
            var before = consumed;
            consumed = consumed.add(delta);
            touched = true;
            return PackageValue.ofStep(purchaseValue, quantity, before, consumed);
        }
    }

    private record Row(@Nullable Long packageId, long studentId, long courseId, @Nullable Long sessionId,
            @Nullable String seat, @Nullable LocalDate sessionDate, String kind, BigDecimal quantity,
            BigDecimal value, @Nullable Long reversesId, @Nullable PackageUnit owedUnit) {

        Row(@Nullable Long packageId, long studentId, long courseId, @Nullable Long sessionId, @Nullable String seat,
                @Nullable LocalDate sessionDate, String kind, BigDecimal quantity, BigDecimal value,
                @Nullable Long reversesId) {
            this(packageId, studentId, courseId, sessionId, seat, sessionDate, kind, quantity, value, reversesId,
                    null);
        }
    }

    private record Active(long id, @Nullable Long packageId, long studentId, String seat, String kind,
            BigDecimal quantity, @Nullable LocalDate sessionDate) {
    }

    /**
     * Brings the ledger in line with the session's marks: a seat that should consume and has nothing booked is
     * booked; a seat that should not and has something booked is reversed; the rest is left as it is. A handful of
     * statements whatever the number of seats. {@code firstTake}: the session's attendance is taken for the first
     * time, so nothing is booked on it yet (one read fewer).
     */
    public void rebook(SessionFacts session, Collection<Booking> bookings, boolean firstTake) {
        if (bookings.isEmpty()) {
            return;
        }
        Set<Long> students = bookings.stream().map(Booking::studentId).collect(Collectors.toSet());
        var packages = lock(session.courseId(), students);
        var active = firstTake ? Map.<String, List<Active>>of()
                : active(session.sessionId(), bookings.stream().map(Booking::seat).toList());
        List<Row> rows = new ArrayList<>();
        for (var booking : bookings) {
            var booked = active.getOrDefault(booking.seat(), List.of());
            if (booking.consume() && booked.isEmpty()) {
                allocate(session, booking, packages.getOrDefault(booking.studentId(), List.of()), rows);
            } else if (!booking.consume() && !booked.isEmpty()) {
                var byId = packages.getOrDefault(booking.studentId(), List.of()).stream()
                        .collect(Collectors.toMap(p -> p.id, p -> p));
                for (var row : booked) {
                    reverse(row, row.packageId() == null ? null : byId.get(row.packageId()), session.courseId(),
                            session.sessionId(), rows);
                }
            }
        }
        write(rows, packages.values().stream().flatMap(List::stream).toList());
    }

    /**
     * Pays the student's owed lessons of the course from this (new, locked) package, oldest session first, as far as
     * it goes: each owed row is reversed and the lesson consumed from the package instead, in the package's unit
     * ({@link #owedIn}).
     */
    public int settleOwed(long packageId) {
        var pkg = jdbc.query("SELECT " + PACKAGE_COLUMNS + ", course_id FROM lesson_package WHERE id = :id FOR UPDATE",
                Map.of("id", packageId), (rs, n) -> Map.entry(new Pkg(rs), rs.getLong("course_id"))).getFirst();
        record Owed(Active row, long sessionId, @Nullable PackageUnit unit, int minutes) {
        }
        var owed = jdbc.query("""
                SELECT l.id, l.package_id, l.student_id, l.seat, l.kind, l.quantity, l.session_date, l.session_id,
                    l.owed_unit, COALESCE(sh.minutes, 0) AS minutes
                FROM lesson_consumption l LEFT JOIN attendance_sheet sh ON sh.session_id = l.session_id
                WHERE l.student_id = :student AND l.course_id = :course AND l.kind = 'OWED'
                  AND NOT EXISTS (SELECT 1 FROM lesson_consumption r WHERE r.reverses_id = l.id)
                ORDER BY l.session_date, l.id""", Map.of("student", pkg.getKey().studentId, "course",
                pkg.getValue()), (rs, n) -> new Owed(active(rs), rs.getLong("session_id"),
                        rs.getString("owed_unit") == null ? null : PackageUnit.valueOf(rs.getString("owed_unit")),
                        rs.getInt("minutes")));
        List<Row> rows = new ArrayList<>();
        int paid = 0;
        var p = pkg.getKey();
        for (var entry : owed) {
            var row = entry.row();
            var pay = owedIn(p.unit, row.quantity(), entry.unit(), entry.minutes());
            if (row.sessionDate() == null || !p.validOn(row.sessionDate()) || p.remaining().compareTo(pay) < 0) {
                continue;
            }
            reverse(row, null, pkg.getValue(), entry.sessionId(), rows);
            var value = p.move(pay);
            rows.add(new Row(p.id, row.studentId(), pkg.getValue(), entry.sessionId(), row.seat(), row.sessionDate(),
                    CONSUMED, pay, value, null));
            paid++;
        }
        write(rows, List.of(p));
        return paid;
    }

    /**
     * An owed quantity in the unit of the package that pays it: the same when the units agree (or the owed row's is
     * not known); lessons to hours by the session's length, hours to lessons the other way, to 0.01; a session of
     * unknown length (0 minutes) counts an hour a lesson.
     */
    static BigDecimal owedIn(PackageUnit payer, BigDecimal owed, @Nullable PackageUnit owedUnit, int minutes) {
        if (owedUnit == null || owedUnit == payer) {
            return owed;
        }
        var hoursPerLesson = minutes <= 0 ? BigDecimal.ONE.setScale(2) : need(PackageUnit.HOURS, minutes);
        return payer == PackageUnit.HOURS ? owed.multiply(hoursPerLesson).setScale(2, RoundingMode.HALF_UP)
                : owed.divide(hoursPerLesson, 2, RoundingMode.HALF_UP);
    }

    /**
     * Forfeits what is left of packages that expired before {@code today} (and sets them EXPIRED), at most
     * {@code limit} of them; answers how many.
     */
    public int expire(LocalDate today, int limit) {
        var due = jdbc.query("SELECT " + PACKAGE_COLUMNS + ", course_id FROM lesson_package"
                + " WHERE expires_on < :today AND (status = 'ACTIVE' OR consumed < quantity)"
                + " ORDER BY id LIMIT :limit FOR UPDATE", Map.of("today", today, "limit", limit),
                (rs, n) -> Map.entry(new Pkg(rs), rs.getLong("course_id")));
        List<Row> rows = new ArrayList<>();
        for (var entry : due) {
            var p = entry.getKey();
            var left = p.remaining();
            p.status = "EXPIRED";
            p.touched = true;
            if (left.signum() > 0) {
                var value = p.move(left);
                rows.add(new Row(p.id, p.studentId, entry.getValue(), null, null, p.expiresOn, EXPIRED, left, value,
                        null));
            }
        }
        write(rows, due.stream().map(Map.Entry::getKey).toList());
        return due.size();
    }

    private Map<Long, List<Pkg>> lock(long courseId, Set<Long> students) {
        var params = new MapSqlParameterSource("course", courseId).addValue("students", students);
        return jdbc.query("SELECT " + PACKAGE_COLUMNS + " FROM lesson_package"
                + " WHERE course_id = :course AND student_id IN (:students) ORDER BY id FOR UPDATE", params,
                (rs, n) -> new Pkg(rs)).stream()
                .collect(Collectors.groupingBy(p -> p.studentId, LinkedHashMap::new, Collectors.toList()));
    }

    private Map<String, List<Active>> active(long sessionId, List<String> seats) {
        var params = new MapSqlParameterSource("session", sessionId).addValue("seats", seats);
        return jdbc.query("""
                SELECT l.id, l.package_id, l.student_id, l.seat, l.kind, l.quantity, l.session_date
                FROM lesson_consumption l
                WHERE l.session_id = :session AND l.seat IN (:seats) AND l.kind IN ('CONSUMED', 'OWED')
                  AND NOT EXISTS (SELECT 1 FROM lesson_consumption r WHERE r.reverses_id = l.id)
                ORDER BY l.id""", params, (rs, n) -> active(rs)).stream()
                .collect(Collectors.groupingBy(Active::seat));
    }

    private static Active active(ResultSet rs) throws SQLException {
        long pkg = rs.getLong("package_id");
        Long packageId = rs.wasNull() ? null : pkg;
        return new Active(rs.getLong("id"), packageId, rs.getLong("student_id"), rs.getString("seat"),
                rs.getString("kind"), rs.getBigDecimal("quantity"), rs.getObject("session_date", LocalDate.class));
    }

    /** What one session takes of a package in its unit: one lesson, or its length in hours (to 0.01 h). */
    static BigDecimal need(PackageUnit unit, int minutes) {
        return unit == PackageUnit.LESSONS ? BigDecimal.ONE.setScale(2)
                : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private void allocate(SessionFacts session, Booking booking, List<Pkg> packages, List<Row> rows) {
        var usable = packages.stream().filter(p -> p.validOn(session.date()) && p.remaining().signum() > 0)
                .sorted(Comparator.comparing((Pkg p) -> p.expiresOn).thenComparingLong(p -> p.id)).toList();
        for (var p : usable) {
            var need = need(p.unit, session.minutes());
            if (p.remaining().compareTo(need) >= 0) {
                rows.add(consumed(session, booking, p, need));
                return;
            }
        }
        if (!usable.isEmpty()) {
            // Not enough anywhere: what the first package has left is taken, the rest owed.
            var p = usable.getFirst();
            var need = need(p.unit, session.minutes());
            var left = p.remaining();
            rows.add(consumed(session, booking, p, left));
            rows.add(new Row(null, booking.studentId(), session.courseId(), session.sessionId(), booking.seat(),
                    session.date(), OWED, need.subtract(left), BigDecimal.ZERO.setScale(2), null, p.unit));
            return;
        }
        var unit = packages.isEmpty() ? PackageUnit.LESSONS : packages.getLast().unit;
        rows.add(new Row(null, booking.studentId(), session.courseId(), session.sessionId(), booking.seat(),
                session.date(), OWED, need(unit, session.minutes()), BigDecimal.ZERO.setScale(2), null, unit));
    }

    private static Row consumed(SessionFacts session, Booking booking, Pkg p, BigDecimal quantity) {
        var value = p.move(quantity);
        return new Row(p.id, booking.studentId(), session.courseId(), session.sessionId(), booking.seat(),
                session.date(), CONSUMED, quantity, value, null);
    }

    private static void reverse(Active row, @Nullable Pkg pkg, long courseId, long sessionId, List<Row> rows) {
        var value = pkg == null ? BigDecimal.ZERO.setScale(2) : pkg.move(row.quantity().negate());
        rows.add(new Row(row.packageId(), row.studentId(), courseId, sessionId, row.seat(), row.sessionDate(), REVERSED,
                row.quantity().negate(), value, row.id()));
    }

    private void write(List<Row> rows, List<Pkg> packages) {
        var now = UtcDateTime.of(clock.instant());
        String actor = currentUser.username();
        var plain = jdbc.getJdbcTemplate();
        MultiRowInsert.insertAll(plain, """
                lesson_consumption (package_id, student_id, course_id, session_id, seat, session_date,
                    kind, quantity, value, reverses_id, occurred_at, actor, owed_unit)""", "", 13, rows,
                r -> new Object[] {r.packageId(), r.studentId(), r.courseId(), r.sessionId(), r.seat(),
                        r.sessionDate(), r.kind(), r.quantity(), r.value(), r.reversesId(), now, actor,
                        r.owedUnit() == null ? null : r.owedUnit().name()});
        var touched = packages.stream().filter(p -> p.touched).toList();
        if (touched.isEmpty()) {
            return;
        }
        // One statement for every package the save moved: consumed and status by id.
        var sql = new StringBuilder("UPDATE lesson_package SET consumed = CASE id");
        List<Object> args = new ArrayList<>();
        for (var p : touched) {
            sql.append(" WHEN ? THEN ?");
            args.add(p.id);
            args.add(p.consumed);
        }
        sql.append(" END, status = CASE id");
        for (var p : touched) {
            sql.append(" WHEN ? THEN ?");
            args.add(p.id);
            args.add(p.status);
        }
        sql.append(" END, updated_at = ?, updated_by = ? WHERE id IN (");
        args.add(now);
        args.add(actor);
        for (int i = 0; i < touched.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            args.add(touched.get(i).id);
        }
        plain.update(sql.append(')').toString(), args.toArray());
    }
}
