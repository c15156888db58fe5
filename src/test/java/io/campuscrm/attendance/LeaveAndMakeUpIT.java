package io.campuscrm.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

@CampusIntegrationTest
class LeaveAndMakeUpIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    LeaveService leaves;
    @Autowired
    AttendanceService attendance;
    @Autowired
    LessonPackageService packages;

    AttendanceFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AttendanceFixtures(context);
    }

    @Test
    void leave_with_a_make_up_puts_the_student_on_the_other_roster_and_consumes_one_lesson_not_two() {
        var course = fixtures.course();
        var home = fixtures.newClass(1, course, "18:00", "18:45");
        var other = fixtures.newClass(1, course, "19:30", "20:15");
        long student = home.students().getFirst();
        fixtures.grant(student, course.id(), 10, 90);
        var missed = home.today();

        var leave = fixtures.as("admissions", () -> leaves.request(missed.sessionId(), student, "Dentist",
                "Mother"));
        var options = fixtures.as("admissions", () -> leaves.makeUpOptions(leave.id()));
        var target = other.today();
        assertThat(options).extracting(o -> o.session().sessionId()).contains(target.sessionId())
                .doesNotContain(missed.sessionId());
        var booked = fixtures.as("admissions", () -> leaves.bookMakeUp(leave.id(), leave.version(),
                target.sessionId()));
        assertThat(booked.makeUpSessionId()).isEqualTo(target.sessionId());

        var homeRoster = fixtures.as(home.teacher(), () -> attendance.roster(missed.sessionId()));
        assertThat(homeRoster.lines()).singleElement().satisfies(l -> assertThat(l.leaveReason())
                .isEqualTo("Dentist"));
        var otherRoster = fixtures.as(other.teacher(), () -> attendance.roster(target.sessionId()));
        assertThat(otherRoster.lines()).filteredOn(l -> l.seat().kind().equals("make-up")).singleElement()
                .satisfies(l -> assertThat(l.seat().studentId()).isEqualTo(student));

        String seat = RosterSeat.studentKey(student);
        fixtures.as(home.teacher(), () -> attendance.save(missed.sessionId(), 0,
                List.of(SeatMark.of(seat, AttendanceStatus.EXCUSED))));
        fixtures.as(other.teacher(), () -> attendance.save(target.sessionId(), 0, otherRoster.lines().stream()
                .map(l -> SeatMark.of(l.seat().key(), AttendanceStatus.PRESENT)).toList()));

        var left = SystemAuthentication.call(() -> packages.balances(student).get(course.id()));
        assertThat(left.remaining()).isEqualByComparingTo(new BigDecimal("9"));
    }

    @Test
    void a_leave_is_refused_for_a_session_that_has_begun_and_for_the_same_session_twice() {
        var k = fixtures.newClass(1);
        long student = k.students().getFirst();
        assertThatThrownBy(() -> fixtures.as("admissions", () -> leaves.request(k.today().sessionId(), student,
                "Sick", null))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "leave.error.started");
        var tomorrow = k.on(io.campuscrm.support.TestClock.today().plusDays(1));
        fixtures.as("admissions", () -> leaves.request(tomorrow.sessionId(), student, "Sick", null));
        assertThatThrownBy(() -> fixtures.as("admissions", () -> leaves.request(tomorrow.sessionId(), student,
                "Sick again", null))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "leave.error.twice");
        assertThatThrownBy(() -> fixtures.as("admissions", () -> leaves.request(tomorrow.sessionId(), student,
                " ", null))).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "leave.error.reason-required");
    }

    @Test
    void a_make_up_is_not_offered_where_it_would_clash_with_the_students_own_sessions() {
        var course = fixtures.course();
        var home = fixtures.newClass(1, course, "18:00", "18:45");
        var clashing = fixtures.newClass(1, course, "07:00", "07:45");
        long student = home.students().getFirst();
        var elsewhere = fixtures.newClass(1, fixtures.course(), "07:10", "07:40");
        SystemAuthentication.call(() -> context.getBean(io.campuscrm.scheduling.EnrollmentService.class)
                .enroll(elsewhere.classId(), student, io.campuscrm.support.TestClock.today()));
        var leave = fixtures.as("admissions", () -> leaves.request(home.today().sessionId(), student, "Trip", null));
        var options = fixtures.as("admissions", () -> leaves.makeUpOptions(leave.id()));
        assertThat(clashing.sessions()).as("the course has other sessions").isNotEmpty();
        assertThat(options).as("every one of them overlaps the student's other class").isEmpty();
    }
}
