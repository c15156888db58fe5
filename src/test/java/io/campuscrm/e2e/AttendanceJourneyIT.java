package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.campuscrm.attendance.AttendanceFixtures;
import io.campuscrm.attendance.LessonPackageService;
import io.campuscrm.attendance.RosterSeat;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * A teacher takes today's attendance on a tablet (768 × 1024): from their home to the roster, all present, one late
 * and one excused, saved; the lessons left change on a student's file; another teacher's roster is refused.
 */
@CampusIntegrationTest
class AttendanceJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    LessonPackageService packages;

    @Test
    void a_teacher_takes_todays_attendance_on_a_tablet_and_cannot_open_another_teachers_roster() {
        var fixtures = new AttendanceFixtures(context);
        var mine = fixtures.newClass(4);
        var theirs = fixtures.newClass(1);
        for (long student : mine.students()) {
            fixtures.grant(student, mine.courseId(), 10, 90);
        }
        long late = mine.students().get(1);
        long excused = mine.students().get(2);
        long present = mine.students().get(0);
        var session = mine.today();

        browser.driver().manage().window().setSize(new Dimension(768, 1024));
        var main = LoginPage.open(browser, baseUrl()).signInAs(mine.teacher(), "a long enough password");
        main.open("today");
        var card = browser.await().until(presenceOfElementLocated(By.cssSelector(
                "#today-sessions [data-session='" + session.sessionId() + "'] vaadin-button")));
        click(card);
        browser.await().until(presenceOfElementLocated(By.id("roster-all-present")));
        click(browser.await().until(elementToBeClickable(By.id("roster-all-present"))));
        click(seatButton(late, "status-late"));
        click(seatButton(excused, "status-excused"));
        browser.await().until(d -> "10".equals(d.findElement(By.cssSelector("#" + seatId(late) + " .late-minutes"))
                .getDomProperty("value")));
        click(browser.await().until(elementToBeClickable(By.id("roster-save"))));
        browser.await().until(textToBePresentInElementLocated(By.id("roster-state"), "Taken"));

        var left = SystemAuthentication.call(() -> packages.balances(present).get(mine.courseId()));
        assertThat(left.remaining()).isEqualByComparingTo("9");
        assertThat(SystemAuthentication.call(() -> packages.balances(excused).get(mine.courseId())).remaining())
                .isEqualByComparingTo("10");

        main.open("students/" + present + "/lessons");
        browser.await().until(textToBePresentInElementLocated(By.id("student-packages"), "9 / 10"));

        main.open("sessions/" + theirs.today().sessionId() + "/attendance");
        browser.await().until(presenceOfElementLocated(By.id("not-found")));
        assertThat(browser.driver().findElements(By.id("roster-save"))).isEmpty();
    }

    private static String seatId(long student) {
        return "seat-" + RosterSeat.studentKey(student).replace(':', '-');
    }

    private WebElement seatButton(long student, String statusClass) {
        return browser.await().until(elementToBeClickable(By.cssSelector("#" + seatId(student) + " ." + statusClass)));
    }

    private void click(WebElement element) {
        browser.await().ignoring(ElementClickInterceptedException.class).until(d -> {
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            return true;
        });
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
