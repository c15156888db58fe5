package io.campuscrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.LessonPackage;
import io.campuscrm.attendance.LessonPackageService;
import io.campuscrm.attendance.SeatMark;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The demo's attendance and packages: every past roster of the demo's classes taken (today's left), about nine in ten
 * present, the students the demo shows (running low, owing, a forfeited package), and the ledger in line with the
 * marks to the lesson and the cent. The same step's bulk path (benchmark scale) is run on a small past term, in a
 * transaction rolled back afterwards, and checked by the same rules.
 */
@CampusIntegrationTest
class AttendanceDemoDataIT {

    /** The statuses that consume under the institution's default policy, which the demo runs on. */
    private static final List<String> CONSUMING = List.of("PRESENT", "LATE", "ABSENT", "LEFT_EARLY");
    /** The demo's own takes: a sheet saved once, for a session before today. */
    private static final String DEMO_SHEETS = "SELECT session_id FROM attendance_sheet WHERE version = 1"
            + " AND session_date < :today";

    @Autowired
    AttendanceDemoData step;
    @Autowired
    SchedulingHistoryDemoData history;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    LessonPackageService packages;
    @Autowired
    AttendanceService attendance;
    @Autowired
    InstitutionService institution;
    @Autowired
    CourseService courses;

    @Test
    void every_past_session_of_the_demo_classes_is_taken_and_held_and_todays_are_left_for_the_teacher() {
        var taken = step.last();
        assertThat(taken).as("the demo's generation ran the step").isNotNull();
        assertThat(taken.inBulk()).as("the demo goes through the services").isFalse();
        assertThat(taken.sessions()).isGreaterThan(50);
        assertThat(taken.lastSession()).isBefore(today());
        var ofDemo = params().addValue("classes", taken.classIds());
        assertThat(count("""
                SELECT COUNT(*) FROM class_session s
                WHERE s.class_id IN (:classes) AND s.session_date < :today AND s.status = 'SCHEDULED'
                  AND NOT EXISTS (SELECT 1 FROM attendance_sheet a WHERE a.session_id = s.id)""", ofDemo))
                .as("past sessions of the demo's classes without attendance").isZero();
        assertThat(count("SELECT COUNT(*) FROM attendance_sheet WHERE class_id IN (:classes)"
                + " AND session_date < :today", ofDemo)).isEqualTo(taken.sessions());
        assertThat(count("""
                SELECT COUNT(*) FROM attendance_sheet a JOIN class_session s ON s.id = a.session_id
                WHERE s.held = FALSE""", params())).as("sheets of sessions not held").isZero();
        assertThat(count("SELECT COUNT(*) FROM class_session WHERE session_date = :today AND status = 'SCHEDULED'",
                params())).as("today's sessions, for the teacher").isPositive();
    }

    @Test
    void about_nine_in_ten_marks_are_present_and_the_rest_are_late_absent_excused_or_left_early() {
        Map<String, Long> byStatus = new java.util.HashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM attendance_mark WHERE session_id IN (" + DEMO_SHEETS + ")"
                + " GROUP BY status", params(), rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        long all = byStatus.values().stream().mapToLong(Long::longValue).sum();
        assertThat(all).isGreaterThan(300);
        assertThat(byStatus.get("PRESENT") / (double) all).isBetween(0.8, 0.96);
        assertThat(byStatus).containsKeys("LATE", "ABSENT", "EXCUSED");
        assertThat(count("SELECT COUNT(*) FROM attendance_mark WHERE status = 'LATE' AND (late_minutes IS NULL"
                + " OR late_minutes < 5) AND session_id IN (" + DEMO_SHEETS + ")", params()))
                .as("late marks without their minutes").isZero();
        assertThat(count("SELECT COUNT(*) FROM attendance_mark WHERE status = 'EXCUSED' AND note LIKE 'Leave:%'"
                + " AND session_id IN (" + DEMO_SHEETS + ")", params())).as("leave with its reason").isPositive();
    }

    @Test
    void the_demo_ledger_matches_its_attendance_to_the_lesson_and_its_packages_to_the_cent() {
        assertLedgerMatchesMarks(DEMO_SHEETS, params());
        assertPackagesAddUp(0);
        var demoPackages = demoPackages();
        assertThat(step.last().packageIds()).as("packages the demo granted").hasSizeGreaterThan(50);
        assertThat(count("""
                SELECT COUNT(*) FROM lesson_package p JOIN course c ON c.id = p.course_id
                WHERE p.id IN (:ids) AND p.unit = 'LESSONS' AND p.purchase_value <> p.quantity * c.lesson_price""",
                demoPackages)).as("packages not priced at the course's lesson price").isZero();
        assertThat(count("SELECT COUNT(*) FROM lesson_package WHERE id IN (:ids) AND unit = 'HOURS'", demoPackages))
                .isPositive();
    }

    @Test
    void the_demo_shows_students_running_low_one_owing_and_a_package_whose_unused_lessons_expired() {
        var today = today();
        SystemAuthentication.run(() -> {
            var low = jdbc.queryForList("""
                    SELECT student_id, course_id FROM lesson_package WHERE id IN (:ids) AND status = 'ACTIVE'
                      AND expires_on >= :today AND starts_on <= :today AND quantity - consumed > 0
                      AND quantity - consumed < 5""", demoPackages());
            assertThat(low).as("students running low").isNotEmpty();
            for (var row : low) {
                var balance = packages.balances(((Number) row.get("student_id")).longValue())
                        .get(((Number) row.get("course_id")).longValue());
                assertThat(balance.low()).as("shown as low: %s", row).isTrue();
            }

            var owing = jdbc.queryForList("""
                    SELECT DISTINCT l.student_id, l.course_id FROM lesson_consumption l WHERE l.kind = 'OWED'
                      AND NOT EXISTS (SELECT 1 FROM lesson_consumption r WHERE r.reverses_id = l.id)""", params());
            assertThat(owing).as("students who attended with nothing left").isNotEmpty();
            var row = owing.getFirst();
            assertThat(packages.balances(((Number) row.get("student_id")).longValue())
                    .get(((Number) row.get("course_id")).longValue()).owing()).isTrue();

            var forfeited = jdbc.queryForList("SELECT package_id FROM lesson_consumption WHERE kind = 'EXPIRED'"
                    + " AND value > 0 AND package_id IN (:ids)", demoPackages(), Long.class);
            assertThat(forfeited).as("packages that expired with lessons unused").isNotEmpty();
            var expired = packages.get(forfeited.getFirst());
            assertThat(expired.state()).isEqualTo(LessonPackage.State.EXPIRED);
            assertThat(expired.forfeitedValue()).isPositive();
            assertThat(expired.expiresOn()).isBefore(today);
            assertThat(packages.ofStudent(expired.studentId())).as("renewed")
                    .anySatisfy(p -> {
                        assertThat(p.courseId()).isEqualTo(expired.courseId());
                        assertThat(p.state()).isEqualTo(LessonPackage.State.ACTIVE);
                    });
        });
    }

    @Test
    @Transactional
    void the_bulk_path_books_a_past_term_by_the_same_rules_and_the_services_correct_it() {
        SystemAuthentication.run(() -> {
            long firstPackage = count("SELECT COALESCE(MAX(id), 0) + 1 FROM lesson_package", params());
            var context = new DemoContext();
            context.calendar(new DemoCalendar(today()));
            context.campuses().addAll(institution.campuses());
            var courseIds = jdbc.queryForList("SELECT id FROM course ORDER BY id", params(), Long.class);
            var byId = courses.all(courseIds);
            courseIds.forEach(id -> context.courses().add(byId.get(id)));
            jdbc.query("SELECT id, campus_id FROM student WHERE campus_id IS NOT NULL ORDER BY id", params(),
                    rs -> {
                        context.addStudent(rs.getLong(1), rs.getLong(2));
                    });

            history.generate(DemoScale.DEMO.withPastTerms(1, 40), context, new Random(7));
            var taken = step.generateInBulk(context, new Random(7));

            var classIds = context.pastTerms().getFirst().classIds();
            assertThat(classIds).hasSize(40);
            var ofTerm = new MapSqlParameterSource("classes", classIds).addValue("today", today());
            String sheets = "SELECT session_id FROM attendance_sheet WHERE class_id IN (:classes)";
            long sessions = count("SELECT COUNT(*) FROM class_session WHERE class_id IN (:classes)", ofTerm);
            long sheetCount = count("SELECT COUNT(*) FROM attendance_sheet WHERE class_id IN (:classes)", ofTerm);
            assertThat(taken.inBulk()).isTrue();
            assertThat(taken.sessions()).isEqualTo(count("SELECT COUNT(*) FROM attendance_sheet"
                    + " WHERE class_id IN (:classes)", ofTerm));
            assertThat(sheetCount).as("all but about one in a hundred taken").isBetween(sessions * 95 / 100,
                    sessions - 1);
            assertThat(count("SELECT COUNT(*) FROM class_session WHERE class_id IN (:classes) AND held = TRUE",
                    ofTerm)).as("held: the taken ones").isEqualTo(sheetCount);
            assertThat(count("""
                    SELECT COUNT(*) FROM attendance_sheet a WHERE a.class_id IN (:classes)
                      AND a.seats <> (SELECT COUNT(*) FROM attendance_mark m WHERE m.session_id = a.session_id)""",
                    ofTerm)).as("sheets with a seat unmarked").isZero();
            assertThat(count("SELECT COUNT(*) FROM attendance_change WHERE session_id IN (" + sheets + ")", ofTerm))
                    .as("each mark's first history row").isEqualTo(count(
                            "SELECT COUNT(*) FROM attendance_mark WHERE session_id IN (" + sheets + ")", ofTerm));
            assertLedgerMatchesMarks(sheets, ofTerm);
            assertPackagesAddUp(firstPackage);
            var since = new MapSqlParameterSource("first", firstPackage).addValue("today", today());
            assertThat(count("SELECT COUNT(*) FROM lesson_package WHERE id >= :first", since)).isPositive();
            assertThat(count("""
                    SELECT COUNT(*) FROM lesson_package p WHERE p.id >= :first AND NOT EXISTS
                      (SELECT 1 FROM lesson_package_event e WHERE e.package_id = p.id AND e.kind = 'CREATED')""",
                    since)).as("packages without their created event").isZero();
            assertThat(count("SELECT COUNT(*) FROM lesson_package WHERE id >= :first AND expires_on < :today"
                    + " AND status = 'ACTIVE'", since)).as("expired packages left active").isZero();
            assertThat(count("SELECT COUNT(*) FROM lesson_consumption WHERE kind = 'EXPIRED' AND package_id >= :first",
                    since)).as("unused lessons forfeited at expiry").isPositive();
            assertThat(count("SELECT COUNT(*) FROM lesson_consumption r JOIN lesson_consumption o"
                    + " ON o.id = r.reverses_id WHERE r.kind = 'REVERSED' AND o.kind = 'OWED'"
                    + " AND r.session_id IN (" + sheets + ")", ofTerm)).as("owed lessons paid by a later package")
                    .isPositive();

            // a bulk-booked lesson corrected to leave through the service: its lesson goes back to its package
            var booked = jdbc.queryForMap("""
                    SELECT l.session_id, l.seat, l.package_id, p.consumed FROM lesson_consumption l
                    JOIN lesson_package p ON p.id = l.package_id
                    WHERE l.kind = 'CONSUMED' AND p.status = 'ACTIVE' AND p.unit = 'LESSONS'
                      AND l.session_id IN (""" + sheets + ") ORDER BY l.session_date DESC, l.id LIMIT 1", ofTerm);
            long sessionId = ((Number) booked.get("session_id")).longValue();
            var roster = attendance.roster(sessionId);
            attendance.save(sessionId, roster.version(), List.of(new SeatMark((String) booked.get("seat"),
                    AttendanceStatus.EXCUSED, null, "Leave: reported late by the mother")));
            var after = jdbc.queryForObject("SELECT consumed FROM lesson_package WHERE id = :id",
                    new MapSqlParameterSource("id", booked.get("package_id")), BigDecimal.class);
            assertThat(after).isEqualByComparingTo(((BigDecimal) booked.get("consumed")).subtract(BigDecimal.ONE));
            assertPackagesAddUp(firstPackage);
        });
    }

    /**
     * Every consuming mark of the sheets has a booking (a lesson consumed or owed) not reversed, and no other mark has
     * one; each booking's quantity is what the lesson takes of its package (one lesson, or its hours; owed without
     * a package, in the unit of the student's last one).
     */
    private void assertLedgerMatchesMarks(String sheets, MapSqlParameterSource params) {
        var p = params.addValue("consuming", CONSUMING);
        assertThat(count("""
                SELECT COUNT(*) FROM attendance_mark m WHERE m.session_id IN (""" + sheets + """
                ) AND m.status IN (:consuming) AND NOT EXISTS (SELECT 1 FROM lesson_consumption l
                    WHERE l.session_id = m.session_id AND l.seat = m.seat AND l.kind IN ('CONSUMED', 'OWED')
                      AND NOT EXISTS (SELECT 1 FROM lesson_consumption r WHERE r.reverses_id = l.id))""", p))
                .as("consuming marks without a booking").isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM lesson_consumption l WHERE l.session_id IN (""" + sheets + """
                ) AND l.kind IN ('CONSUMED', 'OWED')
                  AND NOT EXISTS (SELECT 1 FROM lesson_consumption r WHERE r.reverses_id = l.id)
                  AND NOT EXISTS (SELECT 1 FROM attendance_mark m WHERE m.session_id = l.session_id AND m.seat = l.seat
                                    AND m.status IN (:consuming))""", p))
                .as("bookings without a consuming mark").isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM (
                  SELECT l.session_id, l.seat, SUM(l.quantity) AS taken, MAX(a.minutes) AS minutes,
                         MAX(p.unit) AS unit
                  FROM lesson_consumption l JOIN attendance_sheet a ON a.session_id = l.session_id
                  LEFT JOIN lesson_package p ON p.id = l.package_id
                  WHERE l.session_id IN (""" + sheets + """
                ) AND l.kind IN ('CONSUMED', 'OWED')
                    AND NOT EXISTS (SELECT 1 FROM lesson_consumption r WHERE r.reverses_id = l.id)
                  GROUP BY l.session_id, l.seat) b
                WHERE CASE b.unit WHEN 'HOURS' THEN b.taken <> ROUND(b.minutes / 60, 2)
                                  WHEN 'LESSONS' THEN b.taken <> 1
                                  ELSE b.taken NOT IN (1, ROUND(b.minutes / 60, 2)) END""", p))
                .as("lessons booked for other than one lesson or its hours").isZero();
    }

    /** Each package's consumed is the sum of its ledger, and its ledger's values and what is left make its price. */
    private void assertPackagesAddUp(long firstPackage) {
        var p = new MapSqlParameterSource("first", firstPackage);
        assertThat(count("""
                SELECT COUNT(*) FROM lesson_package p WHERE p.id >= :first AND p.consumed <>
                  COALESCE((SELECT SUM(l.quantity) FROM lesson_consumption l WHERE l.package_id = p.id), 0)""", p))
                .as("packages whose consumed is not the sum of their ledger").isZero();
        var rows = jdbc.queryForList("""
                SELECT p.id, p.quantity, p.consumed, p.purchase_value,
                       COALESCE((SELECT SUM(l.value) FROM lesson_consumption l WHERE l.package_id = p.id), 0) AS used
                FROM lesson_package p WHERE p.id >= :first""", p);
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            var quantity = (BigDecimal) r.get("quantity");
            var consumed = (BigDecimal) r.get("consumed");
            var price = (BigDecimal) r.get("purchase_value");
            var left = quantity.compareTo(consumed) <= 0 ? BigDecimal.ZERO
                    : price.multiply(quantity.subtract(consumed)).divide(quantity, 2, java.math.RoundingMode.HALF_UP);
            assertThat(((BigDecimal) r.get("used")).add(left)).as("package %s", r.get("id"))
                    .isEqualByComparingTo(price);
        });
    }

    /** The packages the demo granted, as {@code :ids}, with {@code :today}. */
    private MapSqlParameterSource demoPackages() {
        var taken = step.last();
        assertThat(taken).isNotNull();
        return params().addValue("ids", taken.packageIds());
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long value = jdbc.queryForObject(sql, params, Long.class);
        return value == null ? 0 : value;
    }

    private static MapSqlParameterSource params() {
        return new MapSqlParameterSource("today", today());
    }

    private static LocalDate today() {
        return TestClock.today();
    }
}
