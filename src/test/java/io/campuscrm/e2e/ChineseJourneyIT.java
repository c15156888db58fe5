package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * An administrator runs the school in Chinese, in a real browser whose user prefers Chinese: the sign-in page follows
 * the browser, the account's language (the institution's until changed) decides after signing in, the user menu
 * switches it without signing out and it stays on the account; lists, validation messages and a printed PDF are in
 * Chinese. Texts are compared with the Chinese bundle, so a translation can change without breaking the test.
 */
@CampusIntegrationTest
class ChineseJourneyIT {

    private static final String PASSWORD = "a long enough password";
    private static final ResourceBundle ZH = ResourceBundle.getBundle("vaadin-i18n/messages", Locale.SIMPLIFIED_CHINESE);
    private static final ResourceBundle EN = ResourceBundle.getBundle("vaadin-i18n/messages", Locale.ROOT);

    @RegisterExtension
    static final Browser browser = new Browser("zh-CN,zh");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClassSearch classes;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_sign_in_page_follows_the_browsers_language() {
        LoginPage.open(browser, baseUrl());
        var submit = browser.await().until(presenceOfElementLocated(
                By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")));
        assertThat(submit.getText().strip()).isEqualTo(ZH.getString("login.submit"));
    }

    @Test
    void an_administrator_switches_to_chinese_without_signing_out_and_works_and_prints_in_it() throws Exception {
        String username = "zh.admin." + UUID.randomUUID().toString().substring(0, 8);
        SystemAuthentication.run(() -> users.create(UserDraft.of(username, "Wang Fang", username + "@example.org",
                Set.of(Role.ADMIN), Set.of()), PASSWORD));

        // the account has no language yet: the institution's (English), whatever the browser prefers
        var main = LoginPage.open(browser, baseUrl()).signInAs(username, PASSWORD);
        assertThat(main.navigationLabels()).contains(EN.getString("nav.students"));

        main = main.switchLanguage("zh-CN");
        assertThat(main.navigationLabels()).contains(ZH.getString("nav.students"), ZH.getString("nav.classes"))
                .doesNotContain(EN.getString("nav.students"));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("login");
        assertThat(jdbc.queryForObject("SELECT language FROM app_user WHERE username = ?", String.class, username))
                .isEqualTo("zh-CN");

        // a list and a form's validation message
        main.open("students").settled();
        browser.await().until(elementToBeClickable(By.id("new-student"))).click();
        browser.await().until(elementToBeClickable(By.id("save-new-student"))).click();
        var fullName = browser.await().until(presenceOfElementLocated(By.id("student-full-name")));
        browser.await().until(d -> fullName.getDomProperty("invalid") != null
                && Boolean.parseBoolean(fullName.getDomProperty("invalid")));
        assertThat(fullName.getDomProperty("errorMessage")).isEqualTo(ZH.getString("student.full-name.required"));
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.ESCAPE)
                .perform();
        browser.await().until(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());

        // signed in again, the account keeps the language
        main = main.signOut().signInAs(username, PASSWORD);
        assertThat(main.navigationLabels()).contains(ZH.getString("nav.students"));

        // a printed roster, in Chinese
        long classId = SystemAuthentication.call(() -> classes.find(ClassFilter.all(), PageRequest.of(0, 1))
                .getContent().getFirst().id());
        main.open("classes/" + classId);
        var print = browser.await().until(elementToBeClickable(By.id("print-roster")));
        browser.await().ignoring(ElementClickInterceptedException.class).until(d -> {
            print.click();
            return true;
        });
        browser.await().until(urlContains("reports?"));
        browser.await().until(d -> {
            String value = d.findElement(By.id("param-class-roster-classId")).getDomProperty("value");
            return value != null && !value.isBlank();
        });
        browser.await().until(elementToBeClickable(By.id("generate-class-roster-pdf"))).click();
        var link = browser.await().until(d -> d.findElement(By.id("download-class-roster-pdf")));
        var cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/")
                .resolve(link.getDomAttribute("href"))).header("Cookie", "JSESSIONID=" + cookie.getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(ZH.getString("report.roster.title"), ZH.getString("report.roster.col.name"))
                    .doesNotContain(EN.getString("report.roster.title"));
            // texts the report formats itself (zh-SG: the Chinese bundle, not English's "12 places · 12 enrolled")
            String counts = ZH.getString("report.roster.counts");
            assertThat(text).contains(counts.substring(counts.indexOf("{1}") + 3, counts.indexOf("{2}")).strip())
                    .doesNotContain(" enrolled · ");
        }

        // and back to English, from the menu in Chinese
        main = main.switchLanguage("en");
        assertThat(main.navigationLabels()).contains(EN.getString("nav.students"));
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
