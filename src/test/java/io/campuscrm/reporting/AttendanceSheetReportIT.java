package io.campuscrm.reporting;

import static io.campuscrm.reporting.AttendanceReportFixtures.pdfText;
import static io.campuscrm.reporting.AttendanceReportFixtures.rowWith;
import static io.campuscrm.reporting.AttendanceReportFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.attendance.AttendanceReports;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.students.StudentRef;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The attendance sheet of a class for last month, made here: three students (one with a Chinese name) on Monday and
 * Thursday sessions, three of them marked and one cancelled. Blank, it is a grid to fill in; filled, every mark is its
 * code, each student's attended over marked at the end of the row, in English and Chinese, PDF and spreadsheet.
 */
@CampusIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceSheetReportIT {

    private static final String SHEET = "attendance-sheet";

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
    List<ScheduledSession> sessions;

    @BeforeAll
    void a_class_with_last_months_attendance() {
        fixtures = new AttendanceReportFixtures(context);
        LocalDate today = TestClock.today();
        month = YearMonth.from(today).minusMonths(1);
        var campus = fixtures.campus();
        var course = fixtures.course(90);
        var term = fixtures.term(month.atDay(1).minusDays(7), today.plusDays(30));
        teacher = fixtures.teacher("Sheet", campus);
        var other = fixtures.teacher("Other", campus);
        var days = Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        schoolClass = fixtures.schoolClass(course, term, campus, Set.of(teacher.id()), days, "16:00", "17:30",
                month.atDay(1), today.plusDays(30));
        otherClass = fixtures.schoolClass(course, term, campus, Set.of(other.id()), days, "16:00", "17:30",
                month.atDay(1), today.plusDays(30));
        ann = fixtures.student("Ann", campus);
        chen = fixtures.student("陈伟明", campus);
        bob = fixtures.student("Bob", campus);
        for (var s : List.of(ann, chen, bob)) {
            fixtures.enroll(schoolClass.id(), s.id(), month.atDay(1));
        }
        sessions = fixtures.sessions(schoolClass.id(), month.atDay(1), month.plusMonths(1).atDay(1));
        assertThat(sessions).as("Mondays and Thursdays of a month").hasSizeGreaterThanOrEqualTo(8);
        fixtures.take(sessions.get(0).sessionId(), Map.of(ann.id(), AttendanceStatus.PRESENT, chen.id(),
                AttendanceStatus.LATE, bob.id(), AttendanceStatus.ABSENT));
        fixtures.take(sessions.get(1).sessionId(), Map.of(ann.id(), AttendanceStatus.PRESENT, chen.id(),
                AttendanceStatus.PRESENT, bob.id(), AttendanceStatus.EXCUSED));
        fixtures.take(sessions.get(2).sessionId(), Map.of(ann.id(), AttendanceStatus.LEFT_EARLY, chen.id(),
                AttendanceStatus.ABSENT));
        fixtures.cancel(sessions.get(3));
    }

    @Test
    @WithUserDetails("admin")
    void a_filled_sheet_prints_every_mark_as_its_code_and_each_students_attended_over_marked() {
        String text = pdfText(fixtures.render(request(ReportFormat.PDF, Locale.ENGLISH, "filled"),
                "attendance-sheet-filled.pdf"));

        assertThat(text).contains("Attendance sheet · " + monthLabel(Locale.ENGLISH), schoolClass.code(),
                "Filled with the attendance taken",
                "Key: P = Present · L = Late · A = Absent · E = Excused · LE = Left early",
                "3 students · " + (sessions.size() - 1) + " sessions · 1 cancelled session not shown", teacher.name());
        assertThat(text).contains(ann.studentNumber() + " " + ann.displayName() + " P P LE 3/3",
                bob.studentNumber() + " " + bob.displayName() + " A E 0/2",
                chen.studentNumber() + " " + chen.displayName() + " L P A 2/3");
        assertThat(text).as("the sessions' attended students, and the month's").contains("Attended 2 2 1 5/8");
    }

    @Test
    @WithUserDetails("admin")
    void a_blank_sheet_has_the_students_and_sessions_but_no_marks() {
        var rows = rows(fixtures.render(request(ReportFormat.XLSX, Locale.ENGLISH, "blank"),
                "attendance-sheet-blank.xlsx"));

        var header = rowWith(rows, "Student");
        int firstDay = sessions.getFirst().startsLocal().getDayOfMonth();
        assertThat(header).extracting(Cell::toString).contains("No.", firstDay + "\n"
                + sessions.getFirst().startsLocal().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT,
                        Locale.ENGLISH), "Attended");
        for (var student : List.of(ann, chen, bob)) {
            assertThat(rowWith(rows, student.displayName())).extracting(Cell::toString)
                    .containsOnly(student.studentNumber(), student.displayName(), "");
        }
    }

    @Test
    @WithUserDetails("admin")
    void in_chinese_the_codes_the_key_and_the_month_are_chinese_in_the_pdf_and_the_spreadsheet() {
        var zh = Locale.forLanguageTag("zh-SG");
        String text = pdfText(fixtures.render(request(ReportFormat.PDF, zh, "filled"), "attendance-sheet-zh.pdf"));
        assertThat(text).contains("考勤表 · " + monthLabel(zh), "标记说明： 到：出勤 · 迟：迟到 · 缺：缺勤 · 假：请假 · 退：早退",
                "3 名学员 · " + (sessions.size() - 1) + " 个课次 · 另有 1 个已取消课次未列出", chen.displayName(), "学号",
                "到课");

        var rows = rows(fixtures.render(request(ReportFormat.XLSX, zh, "filled"), "attendance-sheet-zh.xlsx"));
        assertThat(rowWith(rows, chen.displayName())).extracting(Cell::toString)
                .contains("迟", "到", "缺", "2/3");
        assertThat(rowWith(rows, ann.displayName())).extracting(Cell::toString).contains("到", "退", "3/3");
    }

    @Test
    @WithUserDetails("admin")
    void a_class_meeting_every_day_of_the_month_fits_the_page_width_and_continues_with_its_header_repeated()
            throws Exception {
        var campus = fixtures.campus();
        var daily = fixtures.schoolClass(fixtures.course(60), fixtures.term(month.atDay(1), month.atEndOfMonth()),
                campus, Set.of(fixtures.teacher("Daily", campus).id()), Set.of(DayOfWeek.values()), "07:00", "08:00",
                month.atDay(1), month.atEndOfMonth());
        for (int i = 0; i < 26; i++) {
            fixtures.enroll(daily.id(), fixtures.student("Pupil", campus).id(), month.atDay(1));
        }

        byte[] pdf = fixtures.render(request(ReportFormat.PDF, Locale.ENGLISH, "blank").with("classId",
                String.valueOf(daily.id())), "attendance-sheet-daily.pdf");

        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("26 students on two pages, every day beside the names")
                    .isEqualTo(2);
            for (int page = 1; page <= 2; page++) {
                var stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document).replaceAll("\\s+", " ")).contains(daily.code(), "No.",
                        "Student", " " + month.lengthOfMonth() + " ", "Attended");
            }
        }
    }

    @Test
    void a_teacher_prints_the_sheet_of_their_own_class_and_no_other() throws Exception {
        fixtures.as(teacher.username(), () -> {
            var reports = context.getBean(ReportService.class);
            assertThat(reports.choices(SHEET, "classId", "", PageRequest.of(0, 50))).extracting(ReportChoice::value)
                    .containsExactly(String.valueOf(schoolClass.id()));
            assertThat(pdfText(fixtures.render(request(ReportFormat.PDF, Locale.ENGLISH, "filled"),
                    "attendance-sheet-teacher.pdf")))
                    .contains(ann.displayName());
            assertThatThrownBy(() -> fixtures.render(request(ReportFormat.PDF, Locale.ENGLISH, "filled")
                    .with("classId", String.valueOf(otherClass.id())), "refused.pdf"))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey())
                            .isEqualTo("report.error.parameter-not-a-choice"));
            assertThatThrownBy(() -> attendanceReports.monthSheet(otherClass.id(), month))
                    .isInstanceOf(NotFoundException.class);
            return null;
        });
    }

    @Test
    @WithUserDetails("finance")
    void finance_neither_sees_nor_reads_attendance_sheets() {
        var reports = context.getBean(ReportService.class);
        assertThat(reports.availableReports()).extracting(ReportInfo::id).doesNotContain(SHEET, "attendance-class",
                "attendance-student").contains("lesson-consumption", "renewal-rate", "teaching-hours");
        assertThatThrownBy(() -> attendanceReports.monthSheet(schoolClass.id(), month))
                .isInstanceOf(AccessDeniedException.class);
    }

    private ReportRequest request(ReportFormat format, Locale locale, String kind) {
        return ReportRequest.of(SHEET, format, locale)
                .with("classId", String.valueOf(schoolClass.id())).with("month", month.atDay(15).toString())
                .with("kind", kind);
    }

    private String monthLabel(Locale locale) {
        return DateTimeFormatter.ofLocalizedPattern("yMMMM").withLocale(locale).format(month);
    }
}
