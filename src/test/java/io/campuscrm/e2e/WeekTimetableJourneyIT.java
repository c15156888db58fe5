package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.campuscrm.support.CampusIntegrationTest;

/**
 * The week timetable in a real browser, on the test-only preview page with sample data: blocks where they belong,
 * overlapping ones side by side, the week in the URL, clicks reported, and readable on a tablet. Screenshots go to
 * {@code target/screenshots} for a person to look at.
 */
@CampusIntegrationTest
class WeekTimetableJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final By BLOCKS = By.cssSelector("#preview-timetable .tt-block");

    @LocalServerPort
    int port;

    @Test
    void a_week_shows_its_sessions_side_by_side_where_they_overlap_and_keeps_the_week_in_the_url() throws IOException {
        var main = DemoUser.ADMIN.signIn(LoginPage.open(browser, baseUrl()));
        main.open("test/timetable-preview?week=2026-11-16");
        browser.await().until(presenceOfElementLocated(BLOCKS));
        assertThat(browser.driver().findElement(By.id("timetable-week-label")).getText())
                .contains("47").contains("2026");

        WebElement maths = block("s-2026-11-16-1530-math-p5");
        WebElement chinese = block("s-2026-11-16-1600-chinese-s2");
        assertThat(maths.getRect().getWidth()).isLessThan(chinese.getRect().getX() - maths.getRect().getX() + 10);
        assertThat(chinese.getRect().getX()).isGreaterThan(maths.getRect().getX());
        assertThat(chinese.getRect().getY()).isGreaterThan(maths.getRect().getY());
        assertThat(block("s-2026-11-19-1530-science-p6").getDomAttribute("class")).contains("tt-cancelled");
        assertThat(browser.driver().findElement(By.id("timetable-day-saturday")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.id("timetable-day-sunday"))).as("empty Sunday hidden").isEmpty();
        screenshot("week-timetable-1280");

        maths.click();
        browser.await().until(textToBe(By.id("clicked-block"), "s-2026-11-16-1530-math-p5"));

        browser.await().until(elementToBeClickable(By.id("timetable-next"))).click();
        browser.await().until(urlContains("week=2026-11-23"));
        browser.await().until(presenceOfElementLocated(By.cssSelector("[data-block-id='s-2026-11-23-1530-math-p5']")));
        browser.driver().navigate().back();
        browser.await().until(presenceOfElementLocated(By.cssSelector("[data-block-id='s-2026-11-16-1530-math-p5']")));
    }

    @Test
    void on_a_tablet_the_days_scroll_sideways_under_a_fixed_time_axis() throws IOException {
        browser.driver().manage().window().setSize(new Dimension(768, 1024));
        try {
            var main = DemoUser.ADMIN.signIn(LoginPage.open(browser, baseUrl()));
            main.open("test/timetable-preview?week=2026-11-16");
            browser.await().until(presenceOfElementLocated(BLOCKS));
            var scroll = browser.driver().findElement(By.cssSelector("#preview-timetable .tt-scroll"));
            assertThat(scroll.getRect().getWidth()).isLessThanOrEqualTo(768);
            var title = block("s-2026-11-16-1530-math-p5").findElement(By.className("tt-block-title"));
            assertThat(title.getText()).isNotBlank();
            screenshot("week-timetable-768");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private WebElement block(String id) {
        return browser.driver().findElement(By.cssSelector("[data-block-id='" + id + "']"));
    }

    private static void screenshot(String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
