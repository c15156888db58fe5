package io.campuscrm.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.campuscrm.attendance.internal.AttendanceSettings;
import io.campuscrm.institution.SettingValue;
import io.campuscrm.institution.SettingsService;
import io.campuscrm.scheduling.SessionService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

@CampusIntegrationTest
class AttendanceIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    AttendanceService attendance;
    @Autowired
    LessonPackageService packages;
    @Autowired
    SessionService sessions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    AttendanceFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AttendanceFixtures(context);
    }

    private BigDecimal remaining(long studentId, long courseId) {
        return SystemAuthentication.call(() -> packages.balances(studentId).get(courseId)).remaining();
    }

    private static List<SeatMark> allPresent(Roster roster) {
        return roster.lines().stream().map(l -> SeatMark.of(l.seat().key(), AttendanceStatus.PRESENT)).toList();
    }

    @Test
    void the_roster_has_every_enrolled_student_with_their_balance_and_saving_it_consumes_by_the_policy() {
        var k = fixtures.newClass(5);
        var s = k.students();
        for (long student : s) {
            fixtures.grant(student, k.courseId(), 10, 90);
        }
        var session = k.today();
        var roster = fixtures.as(k.teacher(), () -> attendance.roster(session.sessionId()));
        assertThat(roster.lines()).extracting(l -> l.seat().studentId()).containsExactlyInAnyOrderElementsOf(s);
        assertThat(roster.lines()).allSatisfy(l -> assertThat(l.balance().remaining()).isEqualByComparingTo("10"));
        assertThat(roster.editable()).isTrue();
        assertThat(roster.taken()).isFalse();

        var marks = List.of(SeatMark.of(RosterSeat.studentKey(s.get(0)), AttendanceStatus.PRESENT),
                new SeatMark(RosterSeat.studentKey(s.get(1)), AttendanceStatus.LATE, 10, null),
                SeatMark.of(RosterSeat.studentKey(s.get(2)), AttendanceStatus.ABSENT),
                new SeatMark(RosterSeat.studentKey(s.get(3)), AttendanceStatus.EXCUSED, null, "Sick"),
                SeatMark.of(RosterSeat.studentKey(s.get(4)), AttendanceStatus.LEFT_EARLY));
        var saved = fixtures.as(k.teacher(), () -> attendance.save(session.sessionId(), 0, marks));

        assertThat(saved.changed()).isEqualTo(5);
        assertThat(remaining(s.get(0), k.courseId())).isEqualByComparingTo("9");
        assertThat(remaining(s.get(1), k.courseId())).isEqualByComparingTo("9");
        assertThat(remaining(s.get(2), k.courseId())).isEqualByComparingTo("9");
        assertThat(remaining(s.get(3), k.courseId())).as("excused does not consume").isEqualByComparingTo("10");
        assertThat(remaining(s.get(4), k.courseId())).isEqualByComparingTo("9");
        assertThat(SystemAuthentication.call(() -> sessions.get(session.sessionId())).held()).isTrue();
        var after = fixtures.as(k.teacher(), () -> attendance.roster(session.sessionId()));
        assertThat(after.taken()).isTrue();
        assertThat(after.lines()).filteredOn(l -> l.seat().studentId().equals(s.get(1))).singleElement()
                .satisfies(l -> assertThat(l.mark().lateMinutes()).isEqualTo(10));
        assertThat(SystemAuthentication.call(() -> packages.balances(s.get(0)).get(k.courseId()).remainingValue()))
                .isEqualByComparingTo("450.00");
    }

    @Test
    void a_course_with_its_own_policy_consumes_by_it_and_following_the_institution_again_restores_the_settings() {
        var k = fixtures.newClass(2);
        var policies = context.getBean(ConsumptionPolicyService.class);
        for (long student : k.students()) {
            fixtures.grant(student, k.courseId(), 10, 90);
        }
        var own = SystemAuthentication.call(() -> policies.set(k.courseId(), new CoursePolicy(k.courseId(), true, true,
                true, false, true, false)));
        assertThat(own.own()).isTrue();
        long first = k.students().get(0);
        long second = k.students().get(1);
        fixtures.as(k.teacher(), () -> attendance.save(k.today().sessionId(), 0, List.of(
                SeatMark.of(RosterSeat.studentKey(first), AttendanceStatus.ABSENT),
                SeatMark.of(RosterSeat.studentKey(second), AttendanceStatus.EXCUSED))));
        assertThat(remaining(first, k.courseId())).as("absence is free in this course").isEqualByComparingTo("10");
        assertThat(remaining(second, k.courseId())).as("leave consumes in this course").isEqualByComparingTo("9");

        var institution = SystemAuthentication.call(() -> policies.set(k.courseId(), null));
        assertThat(institution.own()).isFalse();
        assertThat(institution.absent()).isTrue();
        assertThat(institution.excused()).isFalse();
    }

    @Test
    void a_correction_reverses_the_lesson_exactly_and_is_kept_in_the_history() {
        var k = fixtures.newClass(1);
        long student = k.students().getFirst();
        fixtures.grant(student, k.courseId(), 10, 90);
        var session = k.today();
        String seat = RosterSeat.studentKey(student);
        fixtures.as(k.teacher(), () -> attendance.save(session.sessionId(), 0,
                List.of(SeatMark.of(seat, AttendanceStatus.PRESENT))));
        fixtures.as(k.teacher(), () -> attendance.save(session.sessionId(), 1,
                List.of(new SeatMark(seat, AttendanceStatus.EXCUSED, null, "Doctor's note"))));

        assertThat(remaining(student, k.courseId())).isEqualByComparingTo("10");
        var history = fixtures.as(k.teacher(), () -> attendance.history(session.sessionId()));
        assertThat(history).hasSize(2);
        assertThat(history.getFirst()).satisfies(c -> {
            assertThat(c.before()).isEqualTo(AttendanceStatus.PRESENT);
            assertThat(c.after()).isEqualTo(AttendanceStatus.EXCUSED);
            assertThat(c.afterNote()).isEqualTo("Doctor's note");
            assertThat(c.correction()).isTrue();
            assertThat(c.changedBy()).isEqualTo(k.teacher());
        });
        assertThat(jdbc.queryForList("SELECT kind FROM lesson_consumption WHERE session_id = ? ORDER BY id",
                String.class, session.sessionId())).containsExactly("CONSUMED", "REVERSED");
        assertThat(jdbc.queryForObject("SELECT SUM(value) FROM lesson_consumption WHERE session_id = ?",
                BigDecimal.class, session.sessionId())).isEqualByComparingTo("0");
    }

    @Test
    void attending_with_nothing_left_is_owed_and_paid_from_the_next_package() {
        var k = fixtures.newClass(1);
        long student = k.students().getFirst();
        var session = k.today();
        fixtures.as(k.teacher(), () -> attendance.save(session.sessionId(), 0,
                List.of(SeatMark.of(RosterSeat.studentKey(student), AttendanceStatus.PRESENT))));
        var owing = SystemAuthentication.call(() -> packages.balances(student).get(k.courseId()));
        assertThat(owing.owed()).isEqualByComparingTo("1");

        var pkg = fixtures.grant(student, k.courseId(), 10, 90);

        assertThat(pkg.consumed()).isEqualByComparingTo("1");
        var paid = SystemAuthentication.call(() -> packages.balances(student).get(k.courseId()));
        assertThat(paid.owed()).isEqualByComparingTo("0");
        assertThat(paid.remaining()).isEqualByComparingTo("9");
    }

    @Test
    void a_lesson_owed_and_paid_from_an_hours_package_takes_the_length_of_the_session_in_hours() {
        var k = fixtures.newClass(1);
        long student = k.students().getFirst();
        var session = k.today();
        fixtures.as(k.teacher(), () -> attendance.save(session.sessionId(), 0,
                List.of(SeatMark.of(RosterSeat.studentKey(student), AttendanceStatus.PRESENT))));
        var from = TestClock.today().minusDays(30);

        var hours = SystemAuthentication.call(() -> packages.grant(new PackageDraft(student, k.courseId(),
                PackageUnit.HOURS, new BigDecimal("10.00"), new BigDecimal("600.00"), from, from.plusDays(90), null,
                null)));

        var length = BigDecimal.valueOf(Duration.between(session.startAt(), session.endAt()).toMinutes())
                .divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
        assertThat(length).as("the fixture's sessions are not an hour long").isNotEqualByComparingTo("1");
        assertThat(hours.consumed()).isEqualByComparingTo(length);
        var paid = SystemAuthentication.call(() -> packages.balances(student).get(k.courseId()));
        assertThat(paid.owed()).isEqualByComparingTo("0");
        assertThat(paid.remaining()).isEqualByComparingTo(new BigDecimal("10.00").subtract(length));
    }

    @Test
    void the_oldest_expiring_package_is_consumed_first_and_a_frozen_one_not_at_all() {
        var k = fixtures.newClass(1);
        long student = k.students().getFirst();
        var later = fixtures.grant(student, k.courseId(), 10, 200);
        var sooner = fixtures.grant(student, k.courseId(), 10, 60);
        var today = TestClock.today();
        SystemAuthentication.call(() -> packages.freeze(sooner.id(), sooner.version(), today, today.plusDays(3),
                "Travelling"));
        String seat = RosterSeat.studentKey(student);
        fixtures.as(k.teacher(), () -> attendance.save(k.today().sessionId(), 0,
                List.of(SeatMark.of(seat, AttendanceStatus.PRESENT))));
        fixtures.as(k.teacher(), () -> attendance.save(k.on(today.minusDays(1)).sessionId(), 0,
                List.of(SeatMark.of(seat, AttendanceStatus.PRESENT))));

        var frozen = SystemAuthentication.call(() -> packages.get(sooner.id()));
        assertThat(frozen.consumed()).as("yesterday, before the freeze").isEqualByComparingTo("1");
        assertThat(frozen.expiresOn()).isEqualTo(sooner.expiresOn().plusDays(4));
        assertThat(frozen.state()).isEqualTo(LessonPackage.State.FROZEN);
        assertThat(SystemAuthentication.call(() -> packages.get(later.id())).consumed())
                .as("today, while the sooner one is frozen").isEqualByComparingTo("1");
        assertThat(SystemAuthentication.call(() -> packages.history(sooner.id()))).extracting(PackageEntry::kind)
                .contains("frozen", "consumed", "created");
    }

    @Test
    void another_teachers_roster_answers_like_a_missing_one_at_the_service() {
        var mine = fixtures.newClass(1);
        var theirs = fixtures.newClass(1);
        long other = theirs.today().sessionId();
        assertThatThrownBy(() -> fixtures.as(mine.teacher(), () -> attendance.roster(other)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.as(mine.teacher(), () -> attendance.save(other, 0,
                List.of(SeatMark.of(RosterSeat.studentKey(theirs.students().getFirst()), AttendanceStatus.ABSENT)))))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attendance_mark WHERE session_id = ?", Integer.class,
                other)).isZero();
    }

    @Test
    void a_future_session_and_a_seat_not_on_the_roster_are_refused_with_a_reason() {
        var k = fixtures.newClass(1);
        var tomorrow = k.on(TestClock.today().plusDays(1));
        assertThatThrownBy(() -> fixtures.as(k.teacher(), () -> attendance.save(tomorrow.sessionId(), 0,
                List.of(SeatMark.of(RosterSeat.studentKey(k.students().getFirst()), AttendanceStatus.PRESENT)))))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey",
                        "attendance.error.future");
        assertThatThrownBy(() -> fixtures.as(k.teacher(), () -> attendance.save(k.today().sessionId(), 0,
                List.of(SeatMark.of(RosterSeat.studentKey(-5), AttendanceStatus.PRESENT)))))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey",
                        "attendance.error.unknown-seat");
    }

    @Test
    void a_teacher_corrects_only_within_the_window_and_an_administrator_any_time() {
        var k = fixtures.newClass(1);
        String seat = RosterSeat.studentKey(k.students().getFirst());
        long id = k.today().sessionId();
        fixtures.as(k.teacher(), () -> attendance.save(id, 0, List.of(SeatMark.of(seat, AttendanceStatus.PRESENT))));
        var settings = context.getBean(SettingsService.class);
        var window = AttendanceSettings.TEACHER_WINDOW;
        var changed = SystemAuthentication.call(() -> settings.change(window.key(), null, SettingValue.NEW,
                window.encode(Duration.ZERO)));
        try {
            var roster = fixtures.as(k.teacher(), () -> attendance.roster(id));
            assertThat(roster.editable()).isFalse();
            assertThat(roster.lockedKey()).isEqualTo("attendance.locked.window");
            assertThatThrownBy(() -> fixtures.as(k.teacher(), () -> attendance.save(id, 1,
                    List.of(SeatMark.of(seat, AttendanceStatus.ABSENT))))).isInstanceOf(DomainException.class)
                    .hasFieldOrPropertyWithValue("messageKey", "attendance.error.window");
            assertThat(fixtures.as("admin", () -> attendance.save(id, 1,
                    List.of(SeatMark.of(seat, AttendanceStatus.ABSENT)))).changed()).isEqualTo(1);
        } finally {
            SystemAuthentication.run(() -> settings.reset(window.key(), null, changed.version()));
        }
    }

    @Test
    void two_people_saving_one_roster_at_once_lose_no_update_silently() throws Exception {
        var k = fixtures.newClass(2);
        long id = k.today().sessionId();
        var barrier = new CyclicBarrier(2);
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<Object>> results = List.of(
                    pool.submit(() -> save(k.teacher(), id, k.students().get(0), barrier)),
                    pool.submit(() -> save("admin", id, k.students().get(1), barrier)));
            int saved = 0;
            int stale = 0;
            for (var result : results) {
                if (result.get() instanceof StaleEditException) {
                    stale++;
                } else {
                    saved++;
                }
            }
            assertThat(saved).isEqualTo(1);
            assertThat(stale).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attendance_mark WHERE session_id = ?", Integer.class,
                id)).isEqualTo(1);
    }

    private Object save(String user, long sessionId, long student, CyclicBarrier barrier) throws Exception {
        barrier.await();
        try {
            return fixtures.as(user, () -> attendance.save(sessionId, 0,
                    List.of(SeatMark.of(RosterSeat.studentKey(student), AttendanceStatus.PRESENT))));
        } catch (StaleEditException e) {
            return e;
        }
    }

    @Test
    void opening_and_saving_a_roster_of_thirty_take_as_few_statements_as_a_roster_of_three() {
        var thirty = statements(30);
        var three = statements(3);

        // the enrolled, the make-up students and the trial guests are a statement each, whatever their number
        assertThat(thirty.open()).as("statements to open a roster of 30").isLessThanOrEqualTo(15)
                .isEqualTo(three.open());
        assertThat(thirty.save()).as("statements to save a roster of 30").isLessThanOrEqualTo(25)
                .isEqualTo(three.save());
    }

    private record Statements(int open, int save) {
    }

    /** The statements of opening (the teacher's first open) and then saving a new class's roster, all present. */
    private Statements statements(int students) {
        var k = fixtures.newClass(students);
        for (long student : k.students()) {
            fixtures.grant(student, k.courseId(), 20, 90);
        }
        long id = k.today().sessionId();
        var open = count(() -> fixtures.as(k.teacher(), () -> attendance.roster(id)));
        var roster = fixtures.as(k.teacher(), () -> attendance.roster(id));
        var save = count(() -> fixtures.as(k.teacher(), () -> attendance.save(id, 0, allPresent(roster))));
        return new Statements(open, save);
    }

    /** Statements the work sends on its connection, counted by the server, in a transaction rolled back after. */
    private int count(Runnable work) {
        var tx = new TransactionTemplate(transactions);
        return tx.execute(status -> {
            status.setRollbackOnly();
            long before = questions();
            long idle = questions() - before;
            long start = questions();
            work.run();
            return (int) (questions() - start - 2 * idle);
        });
    }

    private long questions() {
        return jdbc.queryForObject("SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                + " WHERE VARIABLE_NAME = 'QUESTIONS'", Long.class);
    }

    @Test
    void remaining_lessons_always_equal_purchased_minus_the_ledger_over_random_marks_and_corrections() {
        var k = fixtures.newClass(4);
        for (long student : k.students()) {
            fixtures.grant(student, k.courseId(), 3, 90);
            fixtures.grant(student, k.courseId(), 2, 60);
        }
        var random = new Random(20261203L);
        var today = TestClock.today();
        Map<Long, Long> versions = new java.util.HashMap<>();
        var statuses = AttendanceStatus.values();
        for (int round = 0; round < 40; round++) {
            var session = k.on(today.minusDays(random.nextInt(7)));
            long version = versions.getOrDefault(session.sessionId(), 0L);
            var marks = k.students().stream().filter(x -> random.nextInt(3) > 0)
                    .map(x -> new SeatMark(RosterSeat.studentKey(x), statuses[random.nextInt(statuses.length)],
                            random.nextInt(20), null)).toList();
            var saved = fixtures.as("admin", () -> attendance.save(session.sessionId(), version, marks));
            versions.put(session.sessionId(), saved.version());
        }
        for (long student : k.students()) {
            var rows = jdbc.queryForList("""
                    SELECT p.quantity, p.consumed, COALESCE(SUM(l.quantity), 0) AS ledger
                    FROM lesson_package p LEFT JOIN lesson_consumption l ON l.package_id = p.id
                    WHERE p.student_id = ? GROUP BY p.id, p.quantity, p.consumed""", student);
            assertThat(rows).hasSize(2).allSatisfy(r -> assertThat((BigDecimal) r.get("consumed"))
                    .isEqualByComparingTo((BigDecimal) r.get("ledger")));
            long consuming = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM attendance_mark
                    WHERE student_id = ? AND status IN ('PRESENT', 'LATE', 'ABSENT', 'LEFT_EARLY')""", Long.class,
                    student);
            BigDecimal booked = jdbc.queryForObject("""
                    SELECT COALESCE(SUM(quantity), 0) FROM lesson_consumption
                    WHERE student_id = ? AND kind IN ('CONSUMED', 'OWED', 'REVERSED')
                    """, BigDecimal.class, student);
            assertThat(booked).as("one lesson booked (consumed or owed) per consuming mark")
                    .isEqualByComparingTo(BigDecimal.valueOf(consuming));
            var purchased = new BigDecimal("5");
            var balance = SystemAuthentication.call(() -> packages.balances(student).get(k.courseId()));
            var consumedFromPackages = jdbc.queryForObject("SELECT COALESCE(SUM(quantity), 0) FROM lesson_consumption"
                    + " WHERE student_id = ? AND package_id IS NOT NULL", BigDecimal.class, student);
            assertThat(balance == null ? BigDecimal.ZERO : balance.remaining())
                    .isEqualByComparingTo(purchased.subtract(consumedFromPackages));
        }
    }
}
