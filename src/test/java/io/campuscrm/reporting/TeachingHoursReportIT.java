package io.campuscrm.reporting;

import static io.campuscrm.reporting.AttendanceReportFixtures.pdfText;
import static io.campuscrm.reporting.AttendanceReportFixtures.rowWith;
import static io.campuscrm.reporting.AttendanceReportFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.TeachingHours;
import io.campuscrm.attendance.TeachingHoursReports;
import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * Teaching hours of a teacher made here, over four weeks around today: a 90-minute class on today's weekday (one
 * session cancelled, one never taken, one taken a week late, today's taken) and a 45-minute class from today (taken
 * for one of its two students); next week's sessions are still to come. Counted: 4 sessions, 5.25 hours; to check: 3.
 */
@CampusIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeachingHoursReportIT {

    private static final String HOURS = "teaching-hours";

    @Autowired
    ApplicationContext context;
    @Autowired
    TeachingHoursReports teachingHours;

    AttendanceReportFixtures fixtures;
    LocalDate today;
    Campus campus;
    AttendanceReportFixtures.Teacher teacher;
    AttendanceReportFixtures.Teacher other;
    ClassDetails weekly;
    ClassDetails shortClass;

    @BeforeAll
    void a_teacher_with_a_month_of_sessions_in_every_state() {
        fixtures = new AttendanceReportFixtures(context);
        today = TestClock.today();
        campus = fixtures.campus();
        var course = fixtures.course(90);
        var term = fixtures.term(today.minusDays(70), today.plusDays(40));
        teacher = fixtures.teacher("Hours", campus);
        other = fixtures.teacher("Other", campus);
        var day = Set.of(today.getDayOfWeek());
        weekly = fixtures.schoolClass(course, term, campus, Set.of(teacher.id()), day, "08:00", "09:30",
                today.minusDays(21), today.plusDays(7));
        shortClass = fixtures.schoolClass(course, term, campus, Set.of(teacher.id()), day, "07:00", "07:45", today,
                today.plusDays(7));
        var othersClass = fixtures.schoolClass(course, term, campus, Set.of(other.id()), day, "08:00", "09:30",
                today.minusDays(7), today);
        var ann = fixtures.student("Ann", campus);
        var bob = fixtures.student("Bob", campus);
        for (var s : List.of(ann, bob)) {
            fixtures.enroll(weekly.id(), s.id(), today.minusDays(21));
            fixtures.enroll(shortClass.id(), s.id(), today);
        }
        var sessions = fixtures.sessions(weekly.id(), today.minusDays(21), today.plusDays(8));
        assertThat(sessions).hasSize(5);
        fixtures.cancel(sessions.get(0));
        fixtures.take(sessions.get(2).sessionId(), Map.of(ann.id(), AttendanceStatus.PRESENT, bob.id(),
                AttendanceStatus.PRESENT));
        fixtures.take(sessions.get(3).sessionId(), Map.of(ann.id(), AttendanceStatus.PRESENT, bob.id(),
                AttendanceStatus.LATE));
        fixtures.take(fixtures.sessions(shortClass.id(), today, today.plusDays(1)).getFirst().sessionId(),
                Map.of(ann.id(), AttendanceStatus.PRESENT));
        assertThat(fixtures.sessions(othersClass.id(), today.minusDays(7), today.plusDays(1))).hasSize(2);
    }

    @Test
    @WithUserDetails("finance")
    void each_session_counts_by_its_state_and_the_teachers_total_is_the_counted_hours() {
        var hours = teachingHours.hours(teacher.id(), today.minusDays(21), today.plusDays(7), null);

        assertThat(hours.sessions()).extracting(TeachingHours.TaughtSession::state).containsExactly(
                TeachingHours.State.CANCELLED, TeachingHours.State.NOT_TAKEN, TeachingHours.State.TAKEN_LATE,
                TeachingHours.State.PARTLY_TAKEN, TeachingHours.State.TAUGHT, TeachingHours.State.UPCOMING,
                TeachingHours.State.UPCOMING);
        assertThat(hours.sessionsCounted()).isEqualTo(4);
        assertThat(hours.hoursCounted()).isEqualByComparingTo(new BigDecimal("5.25"));
        assertThat(hours.cancelled()).isEqualTo(1);
        assertThat(hours.flagged()).isEqualTo(3);

        String text = pdfText(fixtures.render(request(ReportFormat.PDF, Locale.ENGLISH).with("teacherId",
                String.valueOf(teacher.id())), "teaching-hours.pdf"));
        assertThat(text).contains("Teaching hours", teacher.name(), "Cancelled, not counted", "Attendance not taken",
                "Attendance taken late", "Attendance taken in part", "Taught", "Not held yet, not counted",
                teacher.name() + ": 4 sessions counted, 1 cancelled, 3 to check 5.25 hours counted",
                "1 teacher: 4 sessions counted, 1 cancelled, 3 to check 5.25 hours counted");
        assertThat(text).contains(weekly.code() + " " + weekly.name(), shortClass.code() + " " + shortClass.name(),
                "1.50", "0.75");
    }

    @Test
    @WithUserDetails("finance")
    void the_spreadsheet_in_chinese_has_the_hours_as_numbers_and_every_teacher_of_the_campus() {
        var rows = rows(fixtures.render(request(ReportFormat.XLSX, Locale.forLanguageTag("zh-SG"))
                .with("campusId", String.valueOf(campus.id())), "teaching-hours-zh.xlsx"));

        assertThat(rows.stream().filter(r -> r.stream().anyMatch(c -> c.toString().equals("日期")))).hasSize(1);
        var total = rowWith(rows, teacher.name() + "：计入 4 个课次，取消 1 个，待核对 3 个");
        assertThat(total.stream().filter(c -> c.getCellType() == CellType.NUMERIC).map(Cell::getNumericCellValue))
                .containsExactly(5.25);
        assertThat(rowWith(rows, other.name() + "：计入 2 个课次，取消 0 个，待核对 2 个")).isNotEmpty();
        assertThat(rows.stream().flatMap(List::stream).map(Cell::toString)).contains("补记考勤", "未记考勤",
                "考勤未记全", "已取消，不计入", "尚未上课，不计入", "已上课");
    }

    @Test
    void a_teacher_gets_their_own_hours_and_no_one_elses() throws Exception {
        fixtures.as(teacher.username(), () -> {
            var reports = context.getBean(ReportService.class);
            assertThat(reports.choices(HOURS, "teacherId", "", PageRequest.of(0, 20))).extracting(ReportChoice::value)
                    .containsExactly(String.valueOf(teacher.id()));
            String text = pdfText(fixtures.render(request(ReportFormat.PDF, Locale.ENGLISH),
                    "teaching-hours-teacher.pdf"));
            assertThat(text).contains("1 teacher: 4 sessions counted").doesNotContain(other.name());
            assertThatThrownBy(() -> fixtures.render(request(ReportFormat.PDF, Locale.ENGLISH).with("teacherId",
                    String.valueOf(other.id())), "refused.pdf")).isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("report.error.parameter-not-a-choice"));
            assertThatThrownBy(() -> teachingHours.hours(other.id(), today.minusDays(7), today, null))
                    .isInstanceOf(NotFoundException.class);
            return null;
        });
    }

    @Test
    @WithUserDetails("admin")
    void a_period_longer_than_a_timetable_is_refused_on_its_end() {
        assertThatThrownBy(() -> fixtures.render(request(ReportFormat.PDF, Locale.ENGLISH)
                .with("to", today.minusDays(21).plusDays(400).toString()), "refused.pdf"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("to");
                    assertThat(e.messageKey()).isEqualTo("timetable.error.range");
                });
    }

    private ReportRequest request(ReportFormat format, Locale locale) {
        return ReportRequest.of(HOURS, format, locale).with("from", today.minusDays(21).toString())
                .with("to", today.plusDays(7).toString());
    }
}
