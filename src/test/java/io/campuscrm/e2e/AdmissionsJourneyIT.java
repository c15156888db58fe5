package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * An inquiry's way in real Chromium: a parent sends the public form; the admissions user finds the lead in the
 * campus's pool, takes it, logs a note with a call two days on, drags it to Contacted on the board, and two days
 * later finds it among the day's follow-ups on the dashboard. The clock moves by days, so this class has a context
 * (and clock) of its own.
 */
@CampusIntegrationTest
class AdmissionsJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    LeadService leads;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    /** A context of its own: this test moves its clock on by days. */
    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry properties) {
        properties.add("campuscrm.test.context", () -> "admissions-journey");
    }

    @Test
    void an_inquiry_from_the_public_form_is_taken_followed_up_moved_on_the_board_and_due_on_the_dashboard() {
        var orchard = new SchedulingFixtures(context).campus("Orchard");
        String child = "Journey Child " + new Random().nextInt(1_000_000);
        String phone = String.valueOf(91_000_000 + new Random().nextInt(1_000_000));

        // a parent, on the school's site
        browser.driver().get(baseUrl() + "/inquiry");
        new Select(browser.await().until(presenceOfElementLocated(By.id("campus"))))
                .selectByValue(String.valueOf(orchard.id()));
        browser.driver().findElement(By.id("child")).sendKeys(child);
        browser.driver().findElement(By.id("guardian")).sendKeys("Journey Parent");
        browser.driver().findElement(By.id("phone")).sendKeys(phone);
        browser.driver().findElement(By.id("times")).sendKeys("Saturday mornings");
        browser.driver().findElement(By.id("consent")).click();
        browser.driver().findElement(By.id("inquiry-send")).click();
        browser.await().until(presenceOfElementLocated(By.id("inquiry-thanks")));
        long id = jdbc.queryForObject("SELECT id FROM admission_lead WHERE phone = ?", Long.class, "+65" + phone);

        // the admissions user finds it in the pool and takes it
        var main = DemoUser.ADMISSIONS.signIn(LoginPage.open(browser, baseUrl()));
        main.open("leads?show=pool");
        browser.await().until(textToBePresentInElementLocated(By.id("leads"), child));
        main.open("leads/" + id);
        click(browser.await().until(elementToBeClickable(By.id("lead-take"))));
        browser.await().until(textToBePresentInElementLocated(By.id("lead-owner"), DemoUser.ADMISSIONS.displayName));

        // a note, with a call in two days
        var fields = new VaadinFields(browser);
        choose("follow-up-kind", "Note");
        fields.type("follow-up-outcome", "Mother asked for the Saturday timetable; call when it is out");
        choose("follow-up-next", "Call");
        fields.date("follow-up-next-on", TestClock.today().plusDays(2));
        click(browser.await().until(elementToBeClickable(By.id("follow-up-save"))));
        browser.await().until(d -> SystemAuthentication.call(() -> leads.get(id)).nextActionOn() != null);
        assertThat(SystemAuthentication.call(() -> leads.get(id)).stage()).as("a note does not contact")
                .isEqualTo(LeadStage.NEW);

        // on the board, from New to Contacted
        main.open("leads/board?campus=" + orchard.id());
        fields.type("board-search", child);
        var card = browser.await().until(presenceOfElementLocated(By.id("board-card-" + id)));
        var contacted = browser.driver().findElement(By.id("board-column-CONTACTED"));
        drag(card, contacted);
        browser.await().until(d -> SystemAuthentication.call(() -> leads.get(id)).stage() == LeadStage.CONTACTED);
        browser.await().until(presenceOfElementLocated(By.cssSelector("#board-column-CONTACTED #board-card-" + id)));

        // two days later, the call is due today
        main.open("");
        assertThat(browser.driver().findElements(By.id("leads-card-due-" + id))).as("not due yet").isEmpty();
        clock.advance(Duration.ofDays(2));
        main.open("");
        click(browser.await().until(elementToBeClickable(By.id("leads-card-due-" + id))));
        browser.await().until(textToBePresentInElementLocated(By.id("lead-next"), "Call"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/leads/" + id);
    }

    /** Vaadin's drag and drop listens to the browser's own drag events: dispatched here as a user's drag makes them. */
    private void drag(WebElement source, WebElement target) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const [source, target] = arguments;
                const data = new DataTransfer();
                const fire = (element, type) => element.dispatchEvent(new DragEvent(type,
                    {bubbles: true, cancelable: true, composed: true, dataTransfer: data}));
                fire(source, 'dragstart');
                fire(target, 'dragenter');
                fire(target, 'dragover');
                fire(target, 'drop');
                fire(source, 'dragend');""", source, target);
    }

    /** Opens a select and picks the item with this text. */
    private void choose(String id, String text) {
        click(browser.await().until(elementToBeClickable(By.id(id))));
        var item = browser.await().until(d -> d.findElements(By.xpath("//vaadin-select-item[normalize-space(.)="
                + "'" + text + "']")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
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
