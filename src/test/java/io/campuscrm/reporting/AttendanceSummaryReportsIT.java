package io.campuscrm.reporting;

import static io.campuscrm.reporting.AttendanceReportFixtures.pdfText;
import static io.campuscrm.reporting.AttendanceReportFixtures.rowWith;
import static io.campuscrm.reporting.AttendanceReportFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
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
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.attendance.AttendanceReports;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.students.StudentRef;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The attendance summaries on data made here, for last month: a class of three students with eight marks, and one
 * of them in a second class of another teacher. Counts per status, rates to one decimal and the class's total, in
 * English and Chinese; a teacher's summary of a student leaves the other teacher's class out.
 */
@CampusIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceSummaryReportsIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    AttendanceReports attendanceReports;

    AttendanceReportFixtures fixtures;
    YearMonth month;
    ClassDetails schoolClass;
    ClassDetails otherClass;
    AttendanceReportFixtures.Teacher teacher;
    StudentRef ann;
    StudentRef chen;
    StudentRef bob;

    @BeforeAll
    void two_classes_with_last_months_attendance() {
        fixtures = new AttendanceReportFixtures(context);
        LocalDate today = TestClock.today();
        month = YearMonth.from(today).minusMonths(1);
        var campus = fixtures.campus();
        var course = fixtures.course(90);
        var term = fixtures.term(month.atDay(1).minusDays(7), today.plusDays(30));
        teacher = fixtures.teacher("Summary", campus);
        var other = fixtures.teacher("Other", campus);
        schoolClass = fixtures.schoolClass(course, term, campus, Set.of(teacher.id()), Set.of(DayOfWeek.TUESDAY),
                "16:00", "17:30", month.atDay(1), today.plusDays(30));
        otherClass = fixtures.schoolClass(course, term, campus, Set.of(other.id()), Set.of(DayOfWeek.SATURDAY),
                "10:00", "11:30", month.atDay(1), today.plusDays(30));
        ann = fixtures.student("Ann", campus);
        chen = fixtures.student("陈伟明", campus);
        bob = fixtures.student("Bob", campus);
        for (var s : List.of(ann, chen, bob)) {
            fixtures.enroll(schoolClass.id(), s.id(), month.atDay(1));
        }
        fixtures.enroll(otherClass.id(), chen.id(), month.atDay(1));
        var sessions = fixtures.sessions(schoolClass.id(), month.atDay(1), month.plusMonths(1).atDay(1));
        fixtures.take(sessions.get(0).sessionId(), Map.of(ann.id(), AttendanceStatus.PRESENT, chen.id(),
                AttendanceStatus.LATE, bob.id(), AttendanceStatus.ABSENT));
        fixtures.take(sessions.get(1).sessionId(), Map.of(ann.id(), AttendanceStatus.PRESENT, chen.id(),
                AttendanceStatus.PRESENT, bob.id(), AttendanceStatus.EXCUSED));
        fixtures.take(sessions.get(2).sessionId(), Map.of(ann.id(), AttendanceStatus.LEFT_EARLY, chen.id(),
                AttendanceStatus.ABSENT));
        var saturday = fixtures.sessions(otherClass.id(), month.atDay(1), month.plusMonths(1).atDay(1)).getFirst();
        fixtures.take(saturday.sessionId(), Map.of(chen.id(), AttendanceStatus.PRESENT));
    }

    @Test
    @WithUserDetails("admin")
    void a_class_summary_counts_each_students_marks_with_their_rate_and_the_classs_total() {
        String text = pdfText(fixtures.render(classRequest(ReportFormat.PDF, Locale.ENGLISH), "attendance-class.pdf"));

        assertThat(text).contains("Attendance summary of a class", schoolClass.code() + " · " + schoolClass.name(),
                "Teachers: " + teacher.name(), "Present Late Absent Excused Left early Marks Attendance rate",
                ann.studentNumber() + " " + ann.displayName() + " 2 0 0 0 1 3 100.0%",
                bob.studentNumber() + " " + bob.displayName() + " 0 0 1 1 0 2 0.0%",
                chen.studentNumber() + " " + chen.displayName() + " 1 1 1 0 0 3 66.7%",
                "Total 3 1 2 1 1 8 62.5%");
    }

    @Test
    @WithUserDetails("admin")
    void the_class_summary_spreadsheet_in_chinese_has_numbers_and_rates_as_numbers() {
        var rows = rows(fixtures.render(classRequest(ReportFormat.XLSX, Locale.forLanguageTag("zh-SG")),
                "attendance-class-zh.xlsx"));

        assertThat(rowWith(rows, "学号")).extracting(Cell::toString).contains("学员", "出勤", "迟到", "缺勤", "请假",
                "早退", "考勤次数", "出勤率");
        var chenRow = rowWith(rows, chen.displayName());
        assertThat(chenRow.stream().filter(c -> c.getCellType() == CellType.NUMERIC).map(Cell::getNumericCellValue))
                .containsExactly(1.0, 1.0, 1.0, 0.0, 0.0, 3.0, 0.667);
        var total = rowWith(rows, "合计");
        assertThat(total.stream().filter(c -> c.getCellType() == CellType.NUMERIC).map(Cell::getNumericCellValue))
                .containsExactly(3.0, 1.0, 2.0, 1.0, 1.0, 8.0, 0.625);
        assertThat(total.stream().filter(c -> c.getCellType() == CellType.NUMERIC).toList().getLast()
                .getCellStyle().getDataFormatString()).as("a per cent").endsWith("0.0%");
    }

    @Test
    @WithUserDetails("admin")
    void a_student_summary_in_chinese_has_a_line_per_class_and_the_students_total() {
        String text = pdfText(fixtures.render(studentRequest(chen, Locale.forLanguageTag("zh-SG")),
                "attendance-student-zh.pdf"));

        assertThat(text).contains("学员考勤汇总", chen.displayName() + " · " + chen.studentNumber(),
                schoolClass.code() + " " + schoolClass.name() + " 1 1 1 0 0 3 66.7%",
                otherClass.code() + " " + otherClass.name() + " 1 0 0 0 0 1 100.0%", "合计 2 1 1 0 0 4 75.0%",
                "出勤率 =（出勤 + 迟到 + 早退）÷ 全部考勤次数");
    }

    @Test
    void a_teachers_summary_of_a_student_has_only_their_own_class_and_no_other_class_is_theirs_to_print()
            throws Exception {
        fixtures.as(teacher.username(), () -> {
            String text = pdfText(fixtures.render(studentRequest(chen, Locale.ENGLISH), "attendance-student.pdf"));
            assertThat(text).contains(schoolClass.code(), "Total 1 1 1 0 0 3 66.7%").doesNotContain(otherClass.code());
            assertThatThrownBy(() -> fixtures.render(classRequest(ReportFormat.PDF, Locale.ENGLISH)
                    .with("classId", String.valueOf(otherClass.id())), "refused.pdf"))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey())
                            .isEqualTo("report.error.parameter-not-a-choice"));
            assertThatThrownBy(() -> attendanceReports.classSummary(otherClass.id(), month.atDay(1),
                    month.atEndOfMonth())).isInstanceOf(NotFoundException.class);
            return null;
        });
    }

    @Test
    @WithUserDetails("admin")
    void a_period_that_ends_before_it_starts_is_refused_on_its_end() {
        assertThatThrownBy(() -> fixtures.render(classRequest(ReportFormat.PDF, Locale.ENGLISH)
                .with("from", month.atEndOfMonth().toString()).with("to", month.atDay(1).toString()), "refused.pdf"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("to");
                    assertThat(e.messageKey()).isEqualTo("attendance.error.period");
                });
    }

    private ReportRequest classRequest(ReportFormat format, Locale locale) {
        return ReportRequest.of("attendance-class", format, locale).with("classId", String.valueOf(schoolClass.id()))
                .with("from", month.atDay(1).toString()).with("to", month.atEndOfMonth().toString());
    }

    private ReportRequest studentRequest(StudentRef student, Locale locale) {
        return ReportRequest.of("attendance-student", ReportFormat.PDF, locale)
                .with("studentId", String.valueOf(student.id())).with("from", month.atDay(1).toString())
                .with("to", month.atEndOfMonth().toString());
    }
}
