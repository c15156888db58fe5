package io.campuscrm.attendance;

import static io.campuscrm.attendance.AttendanceStatus.ABSENT;
import static io.campuscrm.attendance.AttendanceStatus.EXCUSED;
import static io.campuscrm.attendance.AttendanceStatus.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.AccessDeniedException;

import io.campuscrm.attendance.AttendanceAlert.AbsenceStreak;
import io.campuscrm.attendance.AttendanceAlert.Count;
import io.campuscrm.attendance.AttendanceAlert.ExpiringPackage;
import io.campuscrm.attendance.AttendanceAlert.LowBalance;
import io.campuscrm.attendance.AttendanceAlert.LowRate;
import io.campuscrm.attendance.AttendanceAlert.OwedLesson;
import io.campuscrm.attendance.internal.AttendanceSettings;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.Settings;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The alert lists on the real database: what puts a student on each list and what takes them off, the value of
 * owed lessons, the reader's campuses and students, who may read which list, the dashboard's counts. Each test
 * makes its own class, students and packages and looks only for them, as the lists also hold other tests' data.
 */
@CampusIntegrationTest
class AttendanceAlertsIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    AttendanceAlerts alerts;
    @Autowired
    Settings settings;

    private AlertFixtures fixtures;
    private Campus orchard;
    private Campus tampines;
    private AttendanceAlert.Criteria criteria;

    @BeforeEach
    void fixtures() {
        fixtures = new AlertFixtures(context);
        orchard = fixtures.campus("Orchard");
        tampines = fixtures.campus("Tampines");
        criteria = SystemAuthentication.call(alerts::criteria);
    }

    @Test
    void a_student_whose_latest_marks_in_a_class_are_unexcused_absences_is_listed_until_another_mark_follows() {
        int n = criteria.consecutiveAbsences();
        var schoolClass = fixtures.newClass(orchard);
        long streak = fixtures.enrolled(schoolClass, orchard);
        long cameBack = fixtures.enrolled(schoolClass, orchard);
        long excused = fixtures.enrolled(schoolClass, orchard);
        fixtures.markDays(schoolClass, streak, statuses(PRESENT, n, ABSENT));
        var returned = new ArrayList<>(Collections.nCopies(n, ABSENT));
        returned.add(PRESENT);
        fixtures.markDays(schoolClass, cameBack, returned.toArray(AttendanceStatus[]::new));
        var withLeave = new ArrayList<>(List.of(ABSENT, EXCUSED));
        withLeave.addAll(Collections.nCopies(n - 1, ABSENT));
        fixtures.markDays(schoolClass, excused, withLeave.toArray(AttendanceStatus[]::new));

        var listed = mine(alerts::absenceStreaks, AbsenceStreak::student, Set.of(streak, cameBack, excused));
        assertThat(listed).singleElement().satisfies(line -> {
            assertThat(line.student().id()).isEqualTo(streak);
            assertThat(line.classId()).isEqualTo(schoolClass.classId());
            assertThat(line.classLabel()).startsWith("K-");
            assertThat(line.absences()).isEqualTo(n);
            assertThat(line.lastAbsence()).isEqualTo(TestClock.today());
        });

        fixtures.mark(schoolClass.daysAgo(0), Map.of(streak, PRESENT));
        assertThat(mine(alerts::absenceStreaks, AbsenceStreak::student, Set.of(streak))).as("after a correction")
                .isEmpty();
    }

    @Test
    void a_student_attending_less_than_the_threshold_is_listed_with_the_rate_and_one_attending_enough_is_not() {
        var schoolClass = fixtures.newClass(orchard);
        long seldom = fixtures.enrolled(schoolClass, orchard);
        long always = fixtures.enrolled(schoolClass, orchard);
        fixtures.markDays(schoolClass, seldom, PRESENT, ABSENT, EXCUSED, ABSENT);
        fixtures.markDays(schoolClass, always, PRESENT, PRESENT, AttendanceStatus.LATE, PRESENT);

        var listed = mine(alerts::lowRates, LowRate::student, Set.of(seldom, always));

        assertThat(new BigDecimal("25")).as("the test's rate is below the threshold")
                .isLessThan(criteria.rateThreshold());
        assertThat(listed).singleElement().satisfies(line -> {
            assertThat(line.student().id()).isEqualTo(seldom);
            assertThat(line.marked()).isEqualTo(4);
            assertThat(line.attended()).isEqualTo(1);
            assertThat(line.rate()).isEqualByComparingTo("25.0");
        });
    }

    @Test
    void students_running_low_and_packages_expiring_soon_with_lessons_left_are_listed_with_what_is_left() {
        int below = settings.get(AttendanceSettings.LOW_BALANCE, orchard.id());
        assertThat(below).as("Orchard's low-balance threshold leaves room for a low package").isGreaterThan(1);
        var today = TestClock.today();
        long course = fixtures.course();
        long low = fixtures.student(orchard);
        long plenty = fixtures.student(orchard);
        long expiring = fixtures.student(orchard);
        long later = fixtures.student(orchard);
        fixtures.grant(low, course, below - 1, today.plusDays(criteria.warningDays() + 60));
        fixtures.grant(plenty, course, below + 5, today.plusDays(criteria.warningDays() + 60));
        var soon = fixtures.grant(expiring, course, below + 5, today.plusDays(Math.min(2, criteria.warningDays())));
        fixtures.grant(later, course, below + 5, today.plusDays(criteria.warningDays() + 1));

        assertThat(mine(alerts::lowBalances, LowBalance::student, Set.of(low, plenty, expiring, later)))
                .singleElement().satisfies(line -> {
                    assertThat(line.student().id()).isEqualTo(low);
                    assertThat(line.courseId()).isEqualTo(course);
                    assertThat(line.courseName()).startsWith("Course N-");
                    assertThat(line.remaining()).isEqualByComparingTo(BigDecimal.valueOf(below - 1));
                    assertThat(line.nextExpiry()).isEqualTo(today.plusDays(criteria.warningDays() + 60));
                });
        assertThat(mine(alerts::expiringPackages, ExpiringPackage::student, Set.of(low, plenty, expiring, later)))
                .singleElement().satisfies(line -> {
                    assertThat(line.packageId()).isEqualTo(soon.id());
                    assertThat(line.remaining()).isEqualByComparingTo(BigDecimal.valueOf(below + 5));
                    assertThat(line.remainingValue()).isEqualByComparingTo(soon.purchaseValue());
                    assertThat(line.unit()).isEqualTo(PackageUnit.LESSONS);
                    assertThat(line.expiresOn()).isEqualTo(soon.expiresOn());
                    assertThat(line.warned()).isFalse();
                });
    }

    @Test
    void a_lesson_attended_with_no_package_is_owed_at_the_courses_price_until_a_new_package_pays_for_it() {
        var schoolClass = fixtures.newClass(orchard);
        long student = fixtures.enrolled(schoolClass, orchard);
        fixtures.mark(schoolClass.daysAgo(1), Map.of(student, PRESENT));

        var owed = fixtures.as("finance", () -> mine(alerts::owedLessons, OwedLesson::student, Set.of(student)));

        assertThat(owed).singleElement().satisfies(line -> {
            assertThat(line.courseId()).isEqualTo(schoolClass.courseId());
            assertThat(line.sessionId()).isEqualTo(schoolClass.daysAgo(1).sessionId());
            assertThat(line.sessionDate()).isEqualTo(TestClock.today().minusDays(1));
            assertThat(line.quantity()).isEqualByComparingTo("1");
            assertThat(line.unit()).isEqualTo(PackageUnit.LESSONS);
            assertThat(line.value()).isEqualByComparingTo("45.00");
        });

        fixtures.grant(student, schoolClass.courseId(), 10, TestClock.today().plusDays(90));
        assertThat(fixtures.as("finance", () -> mine(alerts::owedLessons, OwedLesson::student, Set.of(student))))
                .as("once a package paid for it").isEmpty();
    }

    @Test
    void an_office_user_sees_the_lines_of_their_campus_about_students_they_may_see_and_no_others() {
        int n = criteria.consecutiveAbsences();
        var schoolClass = fixtures.newClass(orchard);
        long local = fixtures.enrolled(schoolClass, orchard);
        long visitor = fixtures.student(tampines);
        fixtures.enroll(schoolClass, visitor);
        fixtures.markDays(schoolClass, local, statuses(PRESENT, n, ABSENT));
        fixtures.markDays(schoolClass, visitor, statuses(PRESENT, n, ABSENT));
        long course = fixtures.course();
        fixtures.grant(visitor, course, 1, TestClock.today().plusDays(90));
        String orchardOffice = fixtures.user(Role.ADMISSIONS, orchard);
        String tampinesOffice = fixtures.user(Role.ADMISSIONS, tampines);
        var both = Set.of(local, visitor);

        assertThat(fixtures.as("admin", () -> mine(alerts::absenceStreaks, AbsenceStreak::student, both)))
                .as("the administrator").hasSize(2);
        assertThat(fixtures.as(orchardOffice, () -> mine(alerts::absenceStreaks, AbsenceStreak::student, both)))
                .as("Orchard's office: the class is theirs, the visitor from Tampines is not")
                .extracting(line -> line.student().id()).containsExactly(local);
        assertThat(fixtures.as(tampinesOffice, () -> mine(alerts::absenceStreaks, AbsenceStreak::student, both)))
                .as("Tampines' office: the visitor is theirs, the class is not").isEmpty();
        assertThat(fixtures.as(tampinesOffice, () -> mine(alerts::lowBalances, LowBalance::student, both)))
                .as("the visitor's package is Tampines'").extracting(line -> line.student().id())
                .containsExactly(visitor);
        assertThat(fixtures.as(orchardOffice, () -> mine(alerts::lowBalances, LowBalance::student, both))).isEmpty();
    }

    @Test
    void a_student_the_reader_may_not_see_leaves_no_gap_in_the_pages() {
        var schoolClass = fixtures.newClass(orchard);
        int n = criteria.consecutiveAbsences();
        for (var campus : List.of(orchard, tampines, orchard, tampines, orchard)) {
            long student = fixtures.student(campus);
            fixtures.enroll(schoolClass, student);
            fixtures.markDays(schoolClass, student, statuses(PRESENT, n, ABSENT));
        }
        String orchardOffice = fixtures.user(Role.ADMISSIONS, orchard);

        var inBigPages = fixtures.as(orchardOffice, () -> AlertFixtures.all(alerts::absenceStreaks));
        List<AbsenceStreak> inPagesOfTwo = new ArrayList<>();
        fixtures.as(orchardOffice, () -> {
            Slice<AbsenceStreak> slice;
            int page = 0;
            do {
                slice = alerts.absenceStreaks(PageRequest.of(page++, 2));
                if (slice.hasNext()) {
                    assertThat(slice.getNumberOfElements()).as("page " + page + ", not the last, is full")
                            .isEqualTo(2);
                }
                inPagesOfTwo.addAll(slice.getContent());
            } while (slice.hasNext());
            return null;
        });

        assertThat(inPagesOfTwo).isEqualTo(inBigPages);
        assertThat(inBigPages).allSatisfy(line -> assertThat(line.student().campusId()).isEqualTo(orchard.id()));
    }

    @Test
    void a_teacher_reads_no_alert_list_and_only_finance_and_administrators_read_the_owed_lessons() {
        var page = PageRequest.of(0, 10);

        assertThatThrownBy(() -> fixtures.as("teacher", () -> alerts.absenceStreaks(page)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as("teacher", alerts::counts)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as("admissions", () -> alerts.owedLessons(page)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as("finance", () -> alerts.lowBalances(page)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.as("finance", alerts::owedCount)).isNotNull();
    }

    @Test
    void the_dashboards_counts_are_the_lists_lengths_up_to_the_cap() {
        var schoolClass = fixtures.newClass(orchard);
        long student = fixtures.enrolled(schoolClass, orchard);
        fixtures.markDays(schoolClass, student, statuses(PRESENT, criteria.consecutiveAbsences(), ABSENT));
        fixtures.grant(fixtures.student(orchard), fixtures.course(), 1, TestClock.today().plusDays(2));

        fixtures.as("admin", () -> {
            var counts = alerts.counts();
            assertThat(counts.absenceStreaks()).isEqualTo(expected(alerts::absenceStreaks)).satisfies(c -> assertThat(
                    c.count()).isPositive());
            assertThat(counts.lowRates()).isEqualTo(expected(alerts::lowRates));
            assertThat(counts.lowBalances()).isEqualTo(expected(alerts::lowBalances));
            assertThat(counts.expiringPackages()).isEqualTo(expected(alerts::expiringPackages));
            assertThat(alerts.owedCount()).isEqualTo(expected(alerts::owedLessons));
            return null;
        });
    }

    private static Count expected(Function<Pageable, Slice<?>> list) {
        var first = list.apply(PageRequest.of(0, AttendanceAlerts.CAP + 1));
        int lines = first.getNumberOfElements();
        return new Count(Math.min(lines, AttendanceAlerts.CAP), lines > AttendanceAlerts.CAP || first.hasNext());
    }

    /** The lines of a list (read as the current user, else as the administrator) about these students. */
    private <T> List<T> mine(Function<Pageable, Slice<T>> list, Function<T, io.campuscrm.students.StudentRef> student,
            Set<Long> ids) {
        var read = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication() == null ? fixtures.as("admin", () -> AlertFixtures.all(list))
                        : AlertFixtures.all(list);
        return read.stream().filter(line -> ids.contains(student.apply(line).id())).toList();
    }

    /** {@code first}, then {@code n} times {@code then}. */
    private static AttendanceStatus[] statuses(AttendanceStatus first, int n, AttendanceStatus then) {
        var all = new ArrayList<AttendanceStatus>();
        all.add(first);
        all.addAll(Collections.nCopies(n, then));
        return all.toArray(AttendanceStatus[]::new);
    }
}
