package io.campuscrm.attendance.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.attendance.BulkRoster;
import io.campuscrm.attendance.PackageDraft;
import io.campuscrm.attendance.PackagePlanner;
import io.campuscrm.attendance.PackageSource;
import io.campuscrm.attendance.PackageUnit;
import io.campuscrm.attendance.RosterSeat;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.SchedulingBulkLoader;
import io.campuscrm.shared.database.MultiRowInsert;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.students.StudentSearch;

/**
 * Writes attendance history in bulk, a chunk of rosters at a time and each table after the ones it refers to:
 * packages and their "created" events, sheets, marks, their first history rows, the ledger. A lesson is booked as
 * {@link Ledger} books it (the same allocation rule, the same {@link PackageValue} steps, each course's
 * {@link ConsumptionPolicy}; a new package pays the owed lessons first), with the packages kept in memory: every
 * package's {@code consumed} is the sum of its ledger rows, written once at the end. Ids of packages and ledger rows are handed out from the tables' current
 * maximum: the load must be the only writer (the demo's generation).
 */
@Component
public class AttendanceBulkWriter {

    private static final Logger log = LoggerFactory.getLogger(AttendanceBulkWriter.class);
    private static final int ROSTERS_PER_CHUNK = 500;
    private static final int UPDATES_PER_BATCH = 1000;
    private static final BigDecimal ZERO_VALUE = BigDecimal.ZERO.setScale(2);

    private final JdbcTemplate jdbc;
    private final ConsumptionPolicy policies;
    private final SchedulingBulkLoader scheduling;
    private final StudentSearch students;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final Clock clock;

    AttendanceBulkWriter(JdbcTemplate jdbc, ConsumptionPolicy policies, SchedulingBulkLoader scheduling,
            StudentSearch students, InstitutionService institution, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.scheduling = scheduling;
        this.students = students;
        this.institution = institution;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** What a load wrote: {@code owed} lessons owed when taken, {@code settled} of them paid by a later package. */
    public record Written(long sessions, long marks, long packages, long ledgerRows, long owed, long settled) {
    }

    /** A package as the load books it. */
    private static final class Pkg {
        final long id;
        final PackageDraft draft;
        BigDecimal consumed = BigDecimal.ZERO.setScale(2);

        Pkg(long id, PackageDraft draft) {
            this.id = id;
            this.draft = draft;
        }

        BigDecimal remaining() {
            return draft.quantity().subtract(consumed);
        }

        /** As {@code Ledger.Pkg.validOn}: a new package is never frozen. */
        boolean validOn(LocalDate date) {
            return !date.isBefore(draft.startsOn()) && !date.isAfter(draft.expiresOn());
        }

        BigDecimal move(BigDecimal delta) {
            var before = consumed;
            consumed = consumed.add(delta);
            return PackageValue.ofStep(draft.purchaseValue(), draft.quantity(), before, consumed);
        }
    }

    /** A lesson owed and not yet paid: the ledger row that owes it. */
    private record Owed(long ledgerId, long sessionId, String seat, LocalDate date, BigDecimal quantity) {
    }

    /** A student's packages of a course, oldest first, and the lessons they owe in it, oldest first. */
    private static final class Account {
        final List<Pkg> packages = new ArrayList<>(2);
        final List<Owed> owed = new ArrayList<>(0);
    }

    private record Key(long studentId, long courseId) {
    }

    /** One load's state and its tables' pending rows. */
    private final class Load {
        final PackagePlanner planner;
        final ZoneId zone = institution.settings().timeZone();
        final String actor = currentUser.username();
        final Instant now = clock.instant();
        final Map<Long, ConsumptionPolicy.Policy> policyByCourse = new HashMap<>();
        final Map<Key, Account> accounts = new HashMap<>();
        final List<Pkg> all = new ArrayList<>();
        long nextPackage;
        long nextLedger;
        final List<Pkg> newPackages = new ArrayList<>();
        final List<Object[]> sheets = new ArrayList<>();
        final List<Object[]> marks = new ArrayList<>();
        final List<Object[]> ledger = new ArrayList<>();
        final List<Long> held = new ArrayList<>();
        final MultiRowInsert packageRows = new MultiRowInsert(jdbc, """
                lesson_package (id, student_id, course_id, campus_id, unit, quantity, purchase_value, starts_on,
                    expires_on, source, source_ref, status, consumed, note, version, created_at, created_by,
                    updated_at, updated_by)""", 19);
        final MultiRowInsert eventRows = new MultiRowInsert(jdbc, """
                lesson_package_event (package_id, kind, from_date, to_date, note, occurred_at, actor)""", 7);
        final MultiRowInsert sheetRows = new MultiRowInsert(jdbc, """
                attendance_sheet (session_id, class_id, course_id, campus_id, session_date, start_at, minutes, seats,
                    marked, first_taken_at, first_taken_by, version, updated_at, updated_by)""", 14);
        final MultiRowInsert markRows = new MultiRowInsert(jdbc, """
                attendance_mark (session_id, seat, student_id, seat_kind, status, late_minutes, note, class_id,
                    course_id, session_date, marked_at, marked_by)""", 12);
        final MultiRowInsert changeRows = new MultiRowInsert(jdbc, """
                attendance_change (session_id, seat, student_id, after_status, after_late_minutes, after_note,
                    correction, changed_at, changed_by)""", 9);
        final MultiRowInsert ledgerRows = new MultiRowInsert(jdbc, """
                lesson_consumption (id, package_id, student_id, course_id, session_id, seat, session_date, kind,
                    quantity, value, reverses_id, occurred_at, actor)""", 13);
        long owed;
        long settled;

        Load(PackagePlanner planner) {
            this.planner = planner;
            nextPackage = nextId("lesson_package");
            nextLedger = nextId("lesson_consumption");
        }
    }

    public Written write(Iterable<BulkRoster> rosters, PackagePlanner planner) {
        var load = new Load(planner);
        Set<Long> seen = new HashSet<>();
        int inChunk = 0;
        long start = System.nanoTime();
        long writing = 0;
        for (BulkRoster roster : rosters) {
            if (!seen.add(roster.session().sessionId())) {
                throw new IllegalArgumentException("Session " + roster.session().sessionId() + " given twice");
            }
            take(load, roster);
            if (++inChunk == ROSTERS_PER_CHUNK) {
                long before = System.nanoTime();
                flush(load);
                writing += System.nanoTime() - before;
                inChunk = 0;
            }
        }
        long before = System.nanoTime();
        flush(load);
        writeConsumed(load);
        writing += System.nanoTime() - before;
        log.info("Attendance bulk load: {} sessions, {} marks, {} packages, {} ledger rows ({} lessons owed, {} of"
                + " them paid later) in {} ms ({} ms writing)", load.sheetRows.written(), load.markRows.written(),
                load.all.size(), load.ledgerRows.written(), load.owed, load.settled,
                (System.nanoTime() - start) / 1_000_000, writing / 1_000_000);
        return new Written(load.sheetRows.written(), load.markRows.written(), load.all.size(),
                load.ledgerRows.written(), load.owed, load.settled);
    }

    private void take(Load load, BulkRoster roster) {
        var s = roster.session();
        int minutes = (int) Duration.between(s.startAt(), s.endAt()).toMinutes();
        var at = UtcDateTime.of(roster.takenAt());
        Set<Long> seats = new HashSet<>(s.studentIds());
        if (roster.marks().size() != seats.size()
                || !roster.marks().stream().allMatch(m -> seats.remove(m.studentId()))) {
            throw new IllegalArgumentException("Session " + s.sessionId() + ": one mark for every enrolled student");
        }
        load.sheets.add(new Object[] {s.sessionId(), s.classId(), s.courseId(), s.campusId(), s.date(),
            UtcDateTime.of(s.startAt()), minutes, roster.marks().size(), roster.marks().size(), at, load.actor, 1, at,
            load.actor});
        var policy = load.policyByCourse.computeIfAbsent(s.courseId(), policies::of);
        for (var m : roster.marks()) {
            String seat = RosterSeat.studentKey(m.studentId());
            Integer late = m.status() == io.campuscrm.attendance.AttendanceStatus.LATE ? m.lateMinutes() : null;
            String note = m.note() == null || m.note().isBlank() ? null : m.note().strip();
            load.marks.add(new Object[] {s.sessionId(), seat, m.studentId(), EnrolledSeats.KIND, m.status().name(),
                late, note, s.classId(), s.courseId(), s.date(), at, load.actor});
            if (policy.consumes(m.status())) {
                book(load, s.sessionId(), s.courseId(), s.date(), minutes, m.studentId(), seat, at);
            }
        }
        load.held.add(s.sessionId());
    }

    /**
     * {@code Ledger.allocate}, with the planner asked for a package when none valid has enough left; a new package
     * first pays what the student owes, as {@code Ledger.settleOwed} does when a package is granted.
     */
    private void book(Load load, long sessionId, long courseId, LocalDate date, int minutes, long studentId,
            String seat, Object at) {
        var account = load.accounts.computeIfAbsent(new Key(studentId, courseId), k -> new Account());
        var usable = usable(account, date);
        boolean enough = usable.stream().anyMatch(p -> p.remaining().compareTo(Ledger.need(p.draft.unit(), minutes))
                >= 0);
        if (!enough) {
            var draft = load.planner.next(studentId, courseId, date, account.packages.size());
            if (draft != null) {
                var p = grant(load, draft, studentId, courseId, date);
                account.packages.add(p);
                settleOwed(load, account, p, studentId, courseId, at);
                usable = usable(account, date);
            }
        }
        for (var p : usable) {
            var need = Ledger.need(p.draft.unit(), minutes);
            if (p.remaining().compareTo(need) >= 0) {
                ledgerRow(load, p, studentId, courseId, sessionId, seat, date, Ledger.CONSUMED, need, p.move(need), at);
                return;
            }
        }
        BigDecimal owed;
        if (!usable.isEmpty()) {
            // Not enough anywhere: what the first package has left is taken, the rest owed.
            var p = usable.getFirst();
            var left = p.remaining();
            ledgerRow(load, p, studentId, courseId, sessionId, seat, date, Ledger.CONSUMED, left, p.move(left), at);
            owed = Ledger.need(p.draft.unit(), minutes).subtract(left);
        } else {
            var unit = account.packages.isEmpty() ? PackageUnit.LESSONS : account.packages.getLast().draft.unit();
            owed = Ledger.need(unit, minutes);
        }
        account.owed.add(new Owed(load.nextLedger, sessionId, seat, date, owed));
        ledgerRow(load, null, studentId, courseId, sessionId, seat, date, Ledger.OWED, owed, ZERO_VALUE, at);
        load.owed++;
    }

    /** The owed lessons the new package is valid for and can pay, oldest first: reversed, and consumed from it. */
    private static void settleOwed(Load load, Account account, Pkg p, long studentId, long courseId, Object at) {
        for (var it = account.owed.iterator(); it.hasNext();) {
            var owed = it.next();
            if (!p.validOn(owed.date()) || p.remaining().compareTo(owed.quantity()) < 0) {
                continue;
            }
            load.ledger.add(new Object[] {load.nextLedger++, null, studentId, courseId, owed.sessionId(), owed.seat(),
                owed.date(), Ledger.REVERSED, owed.quantity().negate(), ZERO_VALUE, owed.ledgerId(), at, load.actor});
            ledgerRow(load, p, studentId, courseId, owed.sessionId(), owed.seat(), owed.date(), Ledger.CONSUMED,
                    owed.quantity(), p.move(owed.quantity()), at);
            load.settled++;
            it.remove();
        }
    }

    private static List<Pkg> usable(Account account, LocalDate date) {
        return account.packages.stream().filter(p -> p.validOn(date) && p.remaining().signum() > 0)
                .sorted(Comparator.comparing((Pkg p) -> p.draft.expiresOn()).thenComparingLong(p -> p.id)).toList();
    }

    private Pkg grant(Load load, PackageDraft draft, long studentId, long courseId, LocalDate date) {
        if (draft.studentId() != studentId || draft.courseId() != courseId || date.isBefore(draft.startsOn())
                || date.isAfter(draft.expiresOn()) || draft.sourceRef() != null) {
            throw new IllegalArgumentException("A granted package of student " + studentId + " in course " + courseId
                    + ", valid on " + date + ", was asked for: " + draft);
        }
        var p = new Pkg(load.nextPackage++, draft);
        load.all.add(p);
        load.newPackages.add(p);
        return p;
    }

    private static void ledgerRow(Load load, @Nullable Pkg p, long studentId, long courseId, long sessionId,
            String seat, LocalDate date, String kind, BigDecimal quantity, BigDecimal value, Object at) {
        load.ledger.add(new Object[] {load.nextLedger++, p == null ? null : p.id, studentId, courseId, sessionId,
            seat, date, kind, quantity, value, null, at, load.actor});
    }

    private void flush(Load load) {
        if (!load.newPackages.isEmpty()) {
            var campuses = students.references(load.newPackages.stream().map(p -> p.draft.studentId()).distinct()
                    .toList());
            for (var p : load.newPackages) {
                var d = p.draft;
                var ref = campuses.get(d.studentId());
                // granted at the office the morning it starts, or now if that is later
                var granted = d.startsOn().atTime(LocalTime.of(10, 0)).atZone(load.zone).toInstant();
                var created = UtcDateTime.of(granted.isAfter(load.now) ? load.now : granted);
                String note = d.note() == null || d.note().isBlank() ? null : d.note().strip();
                load.packageRows.add(p.id, d.studentId(), d.courseId(), ref == null ? null : ref.campusId(),
                        d.unit().name(), d.quantity(), d.purchaseValue(), d.startsOn(), d.expiresOn(),
                        PackageSource.GRANTED.name(), null, "ACTIVE", BigDecimal.ZERO, note, 0, created, load.actor,
                        created, load.actor);
                load.eventRows.add(p.id, "CREATED", d.startsOn(), d.expiresOn(), note, created, load.actor);
            }
            load.packageRows.flush();
            load.eventRows.flush();
            load.newPackages.clear();
        }
        writeAll(load.sheetRows, load.sheets);
        for (var m : load.marks) {
            load.markRows.add(m);
            load.changeRows.add(m[0], m[1], m[2], m[4], m[5], m[6], false, m[10], m[11]);
        }
        load.markRows.flush();
        load.changeRows.flush();
        load.marks.clear();
        writeAll(load.ledgerRows, load.ledger);
        if (!load.held.isEmpty()) {
            scheduling.markHeld(load.held);
            load.held.clear();
        }
    }

    private static void writeAll(MultiRowInsert insert, List<Object[]> rows) {
        rows.forEach(insert::add);
        insert.flush();
        rows.clear();
    }

    /** Each package's consumed, the sum of its ledger rows, as the ledger keeps it. */
    private void writeConsumed(Load load) {
        var now = UtcDateTime.of(load.now);
        var touched = load.all.stream().filter(p -> p.consumed.signum() != 0).toList();
        for (int from = 0; from < touched.size(); from += UPDATES_PER_BATCH) {
            var chunk = touched.subList(from, Math.min(touched.size(), from + UPDATES_PER_BATCH));
            jdbc.batchUpdate("UPDATE lesson_package SET consumed = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                    chunk, chunk.size(), (ps, p) -> {
                        ps.setBigDecimal(1, p.consumed);
                        ps.setObject(2, now);
                        ps.setString(3, load.actor);
                        ps.setLong(4, p.id);
                    });
        }
    }

    private long nextId(String table) {
        Long max = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class);
        return Objects.requireNonNullElse(max, 0L) + 1;
    }
}
