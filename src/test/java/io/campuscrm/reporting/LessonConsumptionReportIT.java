package io.campuscrm.reporting;

import static io.campuscrm.reporting.AttendanceReportFixtures.pdfText;
import static io.campuscrm.reporting.AttendanceReportFixtures.rowWith;
import static io.campuscrm.reporting.AttendanceReportFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.ConsumptionLine;
import io.campuscrm.attendance.LessonPackage;
import io.campuscrm.attendance.PackageReports;
import io.campuscrm.attendance.internal.Ledger;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.Course;
import io.campuscrm.shared.i18n.Money;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * Consumption and what is left, to the cent, of a course made here: ten lessons for 450.00 (three consumed, one
 * corrected to excused and given back), three for 100.00 (two consumed: 33.33 and 33.34), five for 200.00 that
 * expired with four left (the nightly expiry forfeits 160.00), and a lesson attended with no package (owed). What was
 * bought adds up to what was consumed, forfeited and is left. Each test runs in a transaction that is rolled back: the
 * expiry forfeits every package due in the database, which must not outlive the test.
 */
@CampusIntegrationTest
@Transactional
class LessonConsumptionReportIT {

    private static final String REPORT = "lesson-consumption";
    private static final Locale EN_SG = Locale.forLanguageTag("en-SG");

    @Autowired
    ApplicationContext context;
    @Autowired
    PackageReports packageReports;
    @Autowired
    Ledger ledger;
    @Autowired
    InstitutionService institution;
    @Autowired
    JdbcTemplate jdbc;

    AttendanceReportFixtures fixtures;
    LocalDate today;
    Campus campus;
    Course course;
    LessonPackage ten;

    @BeforeEach
    void a_course_with_packages_consumed_corrected_expired_and_owed() {
        fixtures = new AttendanceReportFixtures(context);
        today = TestClock.today();
        campus = fixtures.campus();
        course = fixtures.course(90);
        var term = fixtures.term(today.minusDays(40), today.plusDays(30));
        var teacher = fixtures.teacher("Ledger", campus);
        var schoolClass = fixtures.schoolClass(course, term, campus, Set.of(teacher.id()), Set.of(DayOfWeek.MONDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "16:00", "17:30", today.minusDays(30), today.minusDays(2));
        var ann = fixtures.student("Ann", campus);
        var bob = fixtures.student("Bob", campus);
        var cat = fixtures.student("Cat", campus);
        var dan = fixtures.student("Dan", campus);
        for (var s : List.of(ann, bob, cat, dan)) {
            fixtures.enroll(schoolClass.id(), s.id(), today.minusDays(30));
        }
        ten = fixtures.grant(ann.id(), course.id(), "10", "450.00", today.minusDays(40), today.plusDays(120));
        fixtures.grant(bob.id(), course.id(), "3", "100.00", today.minusDays(40), today.plusDays(120));
        fixtures.grant(cat.id(), course.id(), "5", "200.00", today.minusDays(40), today.minusDays(1));
        var sessions = fixtures.sessions(schoolClass.id(), today.minusDays(30), today);
        fixtures.take(sessions.get(0).sessionId(), Map.of(ann.id(), AttendanceStatus.PRESENT, bob.id(),
                AttendanceStatus.PRESENT, cat.id(), AttendanceStatus.PRESENT, dan.id(), AttendanceStatus.PRESENT));
        fixtures.take(sessions.get(1).sessionId(), Map.of(ann.id(), AttendanceStatus.LATE, bob.id(),
                AttendanceStatus.PRESENT));
        fixtures.take(sessions.get(2).sessionId(), Map.of(ann.id(), AttendanceStatus.ABSENT));
        fixtures.take(sessions.get(2).sessionId(), Map.of(ann.id(), AttendanceStatus.EXCUSED));
        SystemAuthentication.run(() -> ledger.expire(today, Integer.MAX_VALUE));
    }

    @Test
    @WithUserDetails("finance")
    void consumption_net_of_corrections_forfeits_and_what_is_left_add_up_to_what_was_bought_to_the_cent() {
        var line = line(packageReports.consumption(today.minusDays(30), today, campus.id()));

        assertThat(line.consumed()).isEqualByComparingTo("5");
        assertThat(line.consumedValue()).isEqualTo(new BigDecimal("196.67"));
        assertThat(line.forfeited()).isEqualByComparingTo("4");
        assertThat(line.forfeitedValue()).isEqualTo(new BigDecimal("160.00"));
        assertThat(line.remaining()).isEqualByComparingTo("9");
        assertThat(line.remainingValue()).isEqualTo(new BigDecimal("393.33"));
        assertThat(line.owed()).isEqualByComparingTo("1");
        assertThat(line.consumedValue().add(line.forfeitedValue()).add(line.remainingValue()))
                .isEqualTo(new BigDecimal("750.00"));
    }

    @Test
    @WithUserDetails("finance")
    void the_pdf_prints_the_amounts_in_the_institutions_currency_in_english_and_chinese() {
        var currency = institution.settings().currency();
        for (var locale : List.of(EN_SG, Locale.forLanguageTag("zh-SG"))) {
            String text = pdfText(fixtures.render(request(ReportFormat.PDF, locale), "lesson-consumption-"
                    + locale.getLanguage() + ".pdf"));
            assertThat(text).contains(course.code() + " · " + course.name() + " " + campus.name() + " 5 "
                    + Money.format(new BigDecimal("196.67"), currency, locale) + " 4 "
                    + Money.format(new BigDecimal("160.00"), currency, locale) + " 9 "
                    + Money.format(new BigDecimal("393.33"), currency, locale) + " 1");
            assertThat(text).contains(locale.getLanguage().equals("zh") ? "课消及余费统计" : "Lesson consumption",
                    locale.getLanguage().equals("zh") ? "期末余费" : "Value left at end");
        }
    }

    @Test
    @WithUserDetails("finance")
    void the_spreadsheet_has_the_figures_as_numbers_with_the_money_format() {
        // in English without a region the currency is written with its code: letters, escaped in Excel's format
        var rows = rows(fixtures.render(request(ReportFormat.XLSX, Locale.ENGLISH), "lesson-consumption.xlsx"));

        assertThat(rows.stream().filter(r -> r.stream().anyMatch(c -> c.toString().equals("Value consumed"))))
                .hasSize(1);
        var row = rowWith(rows, course.code() + " · " + course.name());
        var numbers = row.stream().filter(c -> c.getCellType() == CellType.NUMERIC).toList();
        assertThat(numbers).extracting(Cell::getNumericCellValue).containsExactly(5.0, 196.67, 4.0, 160.0, 9.0,
                393.33, 1.0);
        var symbol = ((java.text.DecimalFormat) Money.formatter(institution.settings().currency(), Locale.ENGLISH))
                .getDecimalFormatSymbols().getCurrencySymbol();
        assertThat(numbers.get(1).getCellStyle().getDataFormatString())
                .isEqualTo(symbol.replaceAll("(.)", "\\\\$1") + "#,##0.00");
    }

    @Test
    @WithUserDetails("finance")
    void a_period_counts_what_was_booked_in_it_and_what_was_left_at_its_end() {
        // Ann's package and its three lessons booked ten days ago; the correction stays today's
        jdbc.update("UPDATE lesson_package SET created_at = created_at - INTERVAL 10 DAY WHERE id = ?", ten.id());
        jdbc.update("UPDATE lesson_consumption SET occurred_at = occurred_at - INTERVAL 10 DAY"
                + " WHERE package_id = ? AND kind = 'CONSUMED'", ten.id());

        var then = line(packageReports.consumption(today.minusDays(30), today.minusDays(5), campus.id()));
        assertThat(then.consumed()).isEqualByComparingTo("3");
        assertThat(then.consumedValue()).isEqualTo(new BigDecimal("135.00"));
        assertThat(then.remaining()).as("the correction came after the end").isEqualByComparingTo("7");
        assertThat(then.remainingValue()).isEqualTo(new BigDecimal("315.00"));
        assertThat(then.owed()).isEqualByComparingTo("0");

        var since = line(packageReports.consumption(today.minusDays(4), today, campus.id()));
        assertThat(since.consumed()).as("the other packages' four, less Ann's lesson given back").isEqualByComparingTo(
                "2");
        assertThat(since.consumedValue()).isEqualTo(new BigDecimal("61.67"));
        assertThat(since.remainingValue()).isEqualTo(new BigDecimal("393.33"));
        assertThat(packageReports.consumption(today.minusDays(30), today.minusDays(11), campus.id()))
                .noneMatch(l -> l.courseId() == course.id());
    }

    @Test
    @WithUserDetails("admissions")
    void admissions_may_not_read_money() {
        assertThatThrownBy(() -> packageReports.consumption(today, today, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(context.getBean(ReportService.class).availableReports()).extracting(ReportInfo::id)
                .doesNotContain(REPORT, "renewal-rate", "teaching-hours").contains("attendance-sheet");
    }

    private ConsumptionLine line(List<ConsumptionLine> lines) {
        return lines.stream().filter(l -> l.courseId() == course.id()).findFirst().orElseThrow();
    }

    private ReportRequest request(ReportFormat format, Locale locale) {
        return ReportRequest.of(REPORT, format, locale).with("from", today.minusDays(30).toString())
                .with("to", today.toString()).with("campusId", String.valueOf(campus.id()));
    }
}
