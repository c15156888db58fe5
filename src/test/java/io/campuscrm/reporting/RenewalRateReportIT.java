package io.campuscrm.reporting;

import static io.campuscrm.reporting.AttendanceReportFixtures.pdfText;
import static io.campuscrm.reporting.AttendanceReportFixtures.rowWith;
import static io.campuscrm.reporting.AttendanceReportFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
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
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.PackageReports;
import io.campuscrm.attendance.RenewalRates;
import io.campuscrm.attendance.internal.AttendanceSettings;
import io.campuscrm.institution.Settings;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * Renewal of a course made here, taught by one teacher: Ann and Bob used up their two lessons at the last session,
 * Cat her one lesson more than a month ago, and Dan's package expired yesterday with lessons left. Ann and Dan got
 * another package today; Bob may still; Cat's window has closed. Four ran out, two renewed: 50%.
 */
@CampusIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenewalRateReportIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PackageReports packageReports;
    @Autowired
    Settings settings;

    AttendanceReportFixtures fixtures;
    LocalDate today;
    Course course;
    AttendanceReportFixtures.Teacher teacher;
    LocalDate catRanOut;

    @BeforeAll
    void four_students_whose_packages_ran_out_two_of_whom_renewed() {
        fixtures = new AttendanceReportFixtures(context);
        today = TestClock.today();
        var campus = fixtures.campus();
        course = fixtures.course(90);
        var term = fixtures.term(today.minusDays(80), today.plusDays(30));
        teacher = fixtures.teacher("Renewal", campus);
        var schoolClass = fixtures.schoolClass(course, term, campus, Set.of(teacher.id()), Set.of(DayOfWeek.MONDAY,
                DayOfWeek.THURSDAY), "16:00", "17:30", today.minusDays(70), today.minusDays(1));
        var ann = fixtures.student("Ann", campus);
        var bob = fixtures.student("Bob", campus);
        var cat = fixtures.student("Cat", campus);
        var dan = fixtures.student("Dan", campus);
        for (var s : List.of(ann, bob, cat, dan)) {
            fixtures.enroll(schoolClass.id(), s.id(), today.minusDays(70));
        }
        var sessions = fixtures.sessions(schoolClass.id(), today.minusDays(70), today);
        var last = sessions.getLast();
        var before = sessions.get(sessions.size() - 2);
        ScheduledSession monthAgo = sessions.stream().filter(s -> !s.date().isAfter(today.minusDays(31))).toList()
                .getLast();
        catRanOut = monthAgo.date();
        fixtures.grant(ann.id(), course.id(), "2", "90.00", today.minusDays(75), today.plusDays(60));
        fixtures.grant(bob.id(), course.id(), "2", "90.00", today.minusDays(75), today.plusDays(60));
        fixtures.grant(cat.id(), course.id(), "1", "45.00", today.minusDays(75), today.plusDays(60));
        fixtures.grant(dan.id(), course.id(), "5", "225.00", today.minusDays(75), today.minusDays(1));
        fixtures.take(monthAgo.sessionId(), Map.of(cat.id(), AttendanceStatus.PRESENT));
        fixtures.take(before.sessionId(), Map.of(ann.id(), AttendanceStatus.PRESENT, bob.id(),
                AttendanceStatus.PRESENT, dan.id(), AttendanceStatus.PRESENT));
        fixtures.take(last.sessionId(), Map.of(ann.id(), AttendanceStatus.PRESENT, bob.id(),
                AttendanceStatus.LATE));
        fixtures.grant(ann.id(), course.id(), "10", "450.00", today, today.plusDays(120));
        fixtures.grant(dan.id(), course.id(), "10", "450.00", today, today.plusDays(120));
    }

    @Test
    @WithUserDetails("finance")
    void run_outs_are_counted_per_course_and_teacher_with_those_who_may_still_renew() {
        assertThat(settings.get(AttendanceSettings.RENEWAL_DAYS)).as("the default window").isEqualTo(30);
        assertThat(catRanOut).isBefore(today.minusDays(30)).isAfterOrEqualTo(today.minusDays(40));

        var rates = packageReports.renewals(today.minusDays(40), today, null);
        assertThat(line(rates.byCourse(), course.id())).isEqualTo(new RenewalRates.Line(course.id(), 4, 2, 1));
        assertThat(line(rates.byCourse(), course.id()).rate()).isEqualByComparingTo("50.0");
        assertThat(line(rates.byTeacher(), teacher.id())).isEqualTo(new RenewalRates.Line(teacher.id(), 4, 2, 1));

        var lastMonth = packageReports.renewals(today.minusDays(30), today, null);
        assertThat(line(lastMonth.byCourse(), course.id())).as("Cat ran out before")
                .isEqualTo(new RenewalRates.Line(course.id(), 3, 2, 1));
        assertThat(line(lastMonth.byCourse(), course.id()).rate()).isEqualByComparingTo("66.7");
    }

    @Test
    @WithUserDetails("finance")
    void the_pdf_has_the_course_and_the_teacher_in_english_and_chinese() {
        String text = pdfText(fixtures.render(request(ReportFormat.PDF, Locale.ENGLISH), "renewal-rate.pdf"));
        assertThat(text).contains("Renewal rate",
                "Renewed: another package of the course within 30 days of running out",
                "By course", "Course Ran out Renewed May still renew Not renewed Renewal rate",
                course.code() + " · " + course.name() + " 4 2 1 1 50.0%", "All courses",
                "By teacher (of the class the student was last in)", teacher.name() + " 4 2 1 1 50.0%");

        String zh = pdfText(fixtures.render(request(ReportFormat.PDF, Locale.forLanguageTag("zh-SG")),
                "renewal-rate-zh.pdf"));
        assertThat(zh).contains("续费率", "续费：课时包用完或到期后 30 天内再购买同一课程的课时包。", "按课程",
                "课程 用完或到期 已续费 续费期内 未续费 续费率", course.code() + " · " + course.name() + " 4 2 1 1 50.0%",
                "按教师", teacher.name() + " 4 2 1 1 50.0%");
    }

    @Test
    @WithUserDetails("admin")
    void the_spreadsheet_has_the_counts_and_the_rate_as_numbers() {
        var rows = rows(fixtures.render(request(ReportFormat.XLSX, Locale.ENGLISH), "renewal-rate.xlsx"));

        var courseRow = rowWith(rows, course.code() + " · " + course.name());
        assertThat(courseRow.stream().filter(c -> c.getCellType() == CellType.NUMERIC)
                .map(Cell::getNumericCellValue)).containsExactly(4.0, 2.0, 1.0, 1.0, 0.5);
        assertThat(rowWith(rows, teacher.name()).stream().filter(c -> c.getCellType() == CellType.NUMERIC)
                .map(Cell::getNumericCellValue)).containsExactly(4.0, 2.0, 1.0, 1.0, 0.5);
    }

    private static RenewalRates.Line line(List<RenewalRates.Line> lines, long id) {
        return lines.stream().filter(l -> l.id() != null && l.id() == id).findFirst().orElseThrow();
    }

    private ReportRequest request(ReportFormat format, Locale locale) {
        return ReportRequest.of("renewal-rate", format, locale).with("from", today.minusDays(40).toString())
                .with("to", today.toString());
    }
}
