package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/** Session rules and the report download, in a real browser against the running application. */
@CampusIntegrationTest
class SessionAndReportJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @Test
    void signing_in_gives_the_browser_a_new_session_id() {
        LoginPage login = LoginPage.open(browser, baseUrl());
        String before = sessionId();
        DemoUser.FINANCE.signIn(login);
        assertThat(sessionId()).isNotBlank().isNotEqualTo(before);
    }

    @Test
    void disabling_a_user_ends_their_open_session_at_once() {
        String username = "leaver" + UUID.randomUUID().toString().substring(0, 6);
        long id = SystemAuthentication.call(() -> users.create(
                UserDraft.of(username, "Leaving Teacher", "", Set.of(Role.TEACHER), Set.of()),
                "a long enough password")).id();
        MainPage main = LoginPage.open(browser, baseUrl()).signInAs(username, "a long enough password");
        assertThat(main.greeting()).isEqualTo("Welcome, Leaving Teacher");

        SystemAuthentication.run(() -> users.setEnabled(id, false));

        browser.driver().navigate().refresh();
        LoginPage login = LoginPage.expect(browser, baseUrl());
        assertThat(login.showsForm()).isTrue();
        login.signInExpectingFailure(username, "a long enough password");
        assertThat(login.errorDescription()).contains("disabled");
    }

    @Test
    void an_administrator_prepares_the_users_report_and_downloads_the_pdf() throws Exception {
        DemoUser.ADMIN.signIn(LoginPage.open(browser, baseUrl())).open("reports");
        var generate = browser.await().until(elementToBeClickable(By.id("generate-users-access-pdf")));
        // the card may lie below the fold of the page's own scroller: brought into view, then clicked
        browser.await().ignoring(ElementClickInterceptedException.class).until(d -> {
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", generate);
            generate.click();
            return true;
        });
        // prepared in the background: the page polls until the download is offered
        var link = browser.await().until(d -> d.findElement(By.id("download-users-access-pdf")));
        String href = link.getDomAttribute("href");
        assertThat(href).isNotBlank();

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/").resolve(href))
                .header("Cookie", "JSESSIONID=" + sessionId()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("attachment").contains("users-access-"));
        try (var pdf = Loader.loadPDF(response.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Users and access rights", "admin", "teacher",
                    "finance", "admissions");
        }
    }

    private String sessionId() {
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        return cookie == null ? "" : cookie.getValue();
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
