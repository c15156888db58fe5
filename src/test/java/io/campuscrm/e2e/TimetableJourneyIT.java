package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.timetable.TimetableWeeks;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * A teacher's journey: sign in, open the timetable (their own, this week), see the sessions as blocks, go a week on
 * and back with the browser's back button, open a class from its block. The demo term contains the tests' today; last
 * week is one of its weeks with lessons.
 */
@CampusIntegrationTest
class TimetableJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final LocalDate DEMO_WEEK = TestClock.monday(-1);
    private static final By BLOCKS = By.cssSelector("#timetable .tt-block");

    @LocalServerPort
    int port;
    @Autowired
    TimetableService timetables;
    @Autowired
    UserService users;
    @Autowired
    InstitutionService institution;
    @Autowired
    Clock clock;

    @Test
    void a_teacher_sees_the_sessions_on_their_timetable_and_moves_a_week_on_and_back() {
        long daniel = SystemAuthentication.call(() -> users.colleagues(Role.TEACHER, "Daniel Lim",
                PageRequest.of(0, 1)).getContent().getFirst().id());
        var main = DemoUser.TEACHER.signIn(LoginPage.open(browser, baseUrl()));

        main.open("timetable");
        browser.await().until(urlContains("scope=teacher&id=" + daniel));
        browser.await().until(presenceOfElementLocated(By.id("timetable-week-label")));
        LocalDate thisWeek = TimetableWeeks.mondayOf(LocalDate.now(clock.withZone(institutionZone())));
        assertThat(blockIds()).containsExactlyInAnyOrderElementsOf(sessionIds(daniel, thisWeek));

        main.open("timetable?scope=teacher&id=" + daniel + "&week=" + DEMO_WEEK);
        List<String> demoWeek = sessionIds(daniel, DEMO_WEEK);
        assertThat(demoWeek).isNotEmpty();
        browser.await().until(presenceOfElementLocated(block(demoWeek.getFirst())));
        assertThat(blockIds()).containsExactlyInAnyOrderElementsOf(demoWeek);

        browser.await().until(elementToBeClickable(By.id("timetable-next"))).click();
        browser.await().until(urlContains("week=" + DEMO_WEEK.plusWeeks(1)));
        List<String> nextWeek = sessionIds(daniel, DEMO_WEEK.plusWeeks(1));
        browser.await().until(presenceOfElementLocated(block(nextWeek.getFirst())));
        assertThat(blockIds()).containsExactlyInAnyOrderElementsOf(nextWeek);

        browser.driver().navigate().back();
        browser.await().until(urlContains("week=" + DEMO_WEEK));
        browser.await().until(presenceOfElementLocated(block(demoWeek.getFirst())));
        assertThat(blockIds()).containsExactlyInAnyOrderElementsOf(demoWeek);

        browser.driver().findElement(block(demoWeek.getFirst())).click();
        browser.await().until(urlContains("/classes/"));
    }

    private List<String> sessionIds(long teacher, LocalDate monday) {
        return SystemAuthentication.call(() -> timetables.sessionsBetween(TimetableScope.teacher(teacher), monday,
                monday.plusDays(7))).stream().map(ScheduledSession::sessionId).map(String::valueOf).toList();
    }

    private java.time.ZoneId institutionZone() {
        return SystemAuthentication.call(() -> institution.settings().timeZone());
    }

    private List<String> blockIds() {
        return browser.driver().findElements(BLOCKS).stream().map((WebElement b) -> b.getDomAttribute("data-block-id"))
                .toList();
    }

    private static By block(String id) {
        return By.cssSelector("#timetable [data-block-id='" + id + "']");
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
