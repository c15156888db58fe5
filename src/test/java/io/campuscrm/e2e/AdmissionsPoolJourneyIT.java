package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.TrialService;
import io.campuscrm.admissions.TrialStatus;
import io.campuscrm.institution.CampusDraft;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * A lead's way from the pool to a student's file, in real Chromium: the admissions user of a campus takes a lead
 * from the campus's pool and logs a call, books the child into this afternoon's session of a class as a trial; the
 * class's teacher marks the trial guest present on their roster; the lead moves to Trial attended; the admissions
 * user converts it, enrolling the child in the class, and lands on the student's timeline, which carries the lead's
 * history. The session starts at 16:00, after the test clock's 10:00: a trial is booked only into a session still
 * to come, and today's roster may be taken before it starts, so the clock never moves.
 */
@CampusIntegrationTest
class AdmissionsPoolJourneyIT {

    private static final String PASSWORD = "a long enough password";
    private static final Random RANDOM = new Random();

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    InstitutionService institution;
    @Autowired
    UserService users;
    @Autowired
    LeadService leads;
    @Autowired
    TrialService trials;
    @Autowired
    TimetableService timetable;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_lead_taken_from_the_pool_comes_to_a_trial_marked_by_the_teacher_and_becomes_a_student_with_its_history() {
        // a campus of its own, whose new leads go to its pool, with a class of a course meeting on today's weekday
        var fixtures = new SchedulingFixtures(context);
        var campus = SystemAuthentication.call(() -> institution.createCampus(new CampusDraft(
                SchedulingFixtures.unique("Zz journey campus"), "1 Trial Road", "+65 6000 0001", true)));
        var today = TestClock.today();
        var course = fixtures.course();
        var term = fixtures.term(today.minusDays(7), today.plusDays(60));
        long teacherId = fixtures.teacher("Teacher " + SchedulingFixtures.unique("T"), campus);
        String teacher = SystemAuthentication.call(() -> users.get(teacherId).username());
        var schoolClass = fixtures.create(fixtures.draft(course, term, campus, fixtures.room(campus, 12),
                Set.of(teacherId), 12, SchedulingFixtures.weekly(EnumSet.of(today.getDayOfWeek()), "16:00", "17:00",
                        today, today.plusWeeks(4))));
        var session = SystemAuthentication.call(() -> timetable.sessionsBetween(TimetableScope.schoolClass(
                schoolClass.id()), today, today.plusDays(1))).stream().filter(s -> s.date().equals(today))
                .findFirst().orElseThrow();
        long pupil = fixtures.student("Pupil", campus);
        SystemAuthentication.call(() -> enrollments.enroll(schoolClass.id(), pupil, today.minusDays(7)));
        String admissions = admissionsUser(campus.id());
        String child = "Mei " + letters();
        long source = jdbc.queryForObject("SELECT MIN(id) FROM lead_source", Long.class);
        Lead lead = SystemAuthentication.call(() -> leads.create(new LeadDraft(campus.id(), child, "Journey Mother",
                String.valueOf(81_000_000 + RANDOM.nextInt(8_000_000)), null, course.id(), "Afternoons",
                null, source, null, null, null), true));
        assertThat(lead.ownerId()).as("in the pool").isNull();

        // the admissions user takes it from the pool and logs the first call
        var main = LoginPage.open(browser, baseUrl()).signInAs(admissions, PASSWORD);
        main.open("leads/" + lead.id());
        browser.await().until(textToBePresentInElementLocated(By.id("lead-owner"), "The campus pool"));
        click(browser.await().until(elementToBeClickable(By.id("lead-take"))));
        browser.await().until(textToBePresentInElementLocated(By.id("lead-owner"), "Admissions " + admissions));
        assertThat(browser.driver().findElements(By.id("lead-take"))).as("taken: no longer offered").isEmpty();
        var fields = new VaadinFields(browser);
        fields.type("follow-up-outcome", "Mother would like a trial this afternoon");
        fields.date("follow-up-next-on", today.plusDays(1));
        click(browser.await().until(elementToBeClickable(By.id("follow-up-save"))));
        browser.await().until(textToBePresentInElementLocated(By.id("lead-stage"), "Contacted"));

        // a trial in this afternoon's session, the lead's course chosen already
        click(browser.await().until(elementToBeClickable(By.id("lead-trial-book"))));
        // the sessions in time order: the first row is this afternoon's
        String year = String.valueOf(today.getYear());
        var todaysRow = browser.await().until(d -> d.findElements(By.xpath("//*[@id='trial-session-pick']"
                + "/vaadin-grid-cell-content[contains(., '" + year + "')]")).stream().filter(WebElement::isDisplayed)
                .min(Comparator.comparingInt(cell -> cell.getRect().getY())).orElse(null));
        click(todaysRow);
        click(browser.await().until(elementToBeClickable(By.id("trial-book-confirm"))));
        var trial = browser.await().until(d -> SystemAuthentication.call(() -> trials.ofLead(lead.id())).stream()
                .findFirst().orElse(null));
        assertThat(trial.sessionId()).isEqualTo(session.sessionId());
        browser.await().until(textToBePresentInElementLocated(By.id("lead-trial-" + trial.id()), schoolClass.code()));
        browser.await().until(textToBePresentInElementLocated(By.id("lead-trial-" + trial.id() + "-status"),
                "Booked"));
        browser.await().until(textToBePresentInElementLocated(By.id("lead-stage"), "Trial booked"));
        main.signOut();

        // the teacher finds the session on their day and marks the trial guest present
        main = LoginPage.open(browser, baseUrl()).signInAs(teacher, PASSWORD);
        main.open("today");
        click(browser.await().until(presenceOfElementLocated(By.cssSelector(
                "#today-sessions [data-session='" + session.sessionId() + "'] vaadin-button"))));
        String seat = "seat-trial-" + trial.id();
        browser.await().until(textToBePresentInElementLocated(By.id(seat), child));
        assertThat(browser.driver().findElement(By.id(seat)).findElements(By.xpath(
                ".//*[normalize-space(text())='Trial']"))).as("marked as a trial").isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#roster .seat-card"))).as("with the class's pupil")
                .hasSize(2);
        click(browser.await().until(elementToBeClickable(By.cssSelector("#" + seat + " .status-present"))));
        click(browser.await().until(elementToBeClickable(By.id("roster-save"))));
        browser.await().until(textToBePresentInElementLocated(By.id("roster-state"), "Taken"));
        main.signOut();

        // the mark reaches the lead by an event: Trial attended
        browser.await().until(d -> SystemAuthentication.call(() -> leads.get(lead.id())).stage()
                == LeadStage.TRIAL_ATTENDED);
        main = LoginPage.open(browser, baseUrl()).signInAs(admissions, PASSWORD);
        main.open("leads/" + lead.id());
        browser.await().until(textToBePresentInElementLocated(By.id("lead-stage"), "Trial attended"));
        browser.await().until(textToBePresentInElementLocated(By.id("lead-trial-" + trial.id() + "-status"),
                "Attended"));
        assertThat(SystemAuthentication.call(() -> trials.ofLead(lead.id())).getFirst().status())
                .isEqualTo(TrialStatus.ATTENDED);

        // converted in one step: enrolled in the class, and on to the student's timeline
        click(browser.await().until(elementToBeClickable(By.id("lead-convert"))));
        browser.await().until(d -> child.equals(d.findElement(By.cssSelector("#convert-name input"))
                .getDomProperty("value")));
        chooseContaining("convert-class", schoolClass.code());
        click(browser.await().until(elementToBeClickable(By.id("convert-confirm"))));
        browser.await().until(urlMatches("/students/\\d+/timeline$"));
        long studentId = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/students/(\\d+)/timeline$",
                "$1"));
        browser.await().until(textToBePresentInElementLocated(By.id("student-name"), child));
        String number = browser.driver().findElement(By.id("student-number")).getText().strip();
        browser.await().until(textToBePresentInElementLocated(By.id("timeline"),
                "Became student " + number + ", from the lead"));
        assertThat(browser.driver().findElement(By.id("timeline")).getText()).as("the lead's history").contains(
                "Inquiry about " + child, "Lead follow-up: Call", "Mother would like a trial this afternoon",
                "Trial lesson booked: " + schoolClass.code(), "Came to the trial lesson: " + schoolClass.code(),
                "Lead: Trial booked → Trial attended");

        var converted = SystemAuthentication.call(() -> leads.get(lead.id()));
        assertThat(converted.stage()).isEqualTo(LeadStage.ENROLLED);
        assertThat(converted.studentId()).isEqualTo(studentId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM class_enrollment WHERE class_id = ? AND student_id = ?",
                Integer.class, schoolClass.id(), studentId)).as("enrolled in the class").isEqualTo(1);
    }

    private String admissionsUser(long campusId) {
        String username = SchedulingFixtures.unique("adm").toLowerCase(Locale.ROOT);
        SystemAuthentication.call(() -> users.create(UserDraft.of(username, "Admissions " + username,
                username + "@example.org", Set.of(Role.ADMISSIONS), Set.of(campusId)), PASSWORD));
        return username;
    }

    /** A family name no other test uses, in letters only (names are matched by letters). */
    private static String letters() {
        var name = new StringBuilder("Z");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    /** Opens a select and picks the item whose text contains this. */
    private void chooseContaining(String id, String text) {
        click(browser.await().until(elementToBeClickable(By.id(id))));
        var item = browser.await().until(d -> d.findElements(By.xpath("//vaadin-select-item[contains("
                + "normalize-space(.), '" + text + "')]")).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
        click(item);
    }

    private void click(WebElement element) {
        browser.await().ignoring(ElementClickInterceptedException.class).until(d -> {
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            return true;
        });
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
