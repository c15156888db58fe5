package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/** A teacher prints the roster of their class: from the class page to the PDF, in a real browser. */
@CampusIntegrationTest
class RosterJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    ClassSearch classes;
    @Autowired
    EnrollmentService enrollments;

    @Test
    void a_teacher_prints_the_roster_from_the_class_page() throws Exception {
        ClassSummary daniels = SystemAuthentication.call(() -> classes.find(ClassFilter.all(), PageRequest.of(0, 500))
                .stream().filter(c -> c.teacherNames().contains(DemoUser.TEACHER.displayName)).findFirst()
                .orElseThrow());
        var enrolled = SystemAuthentication.call(() -> enrollments.enrollments(daniels.id(), true,
                PageRequest.of(0, 500)).stream().filter(e -> e.status() == EnrollmentStatus.ENROLLED).toList());

        DemoUser.TEACHER.signIn(LoginPage.open(browser, baseUrl())).open("classes/" + daniels.id());
        var print = browser.await().until(elementToBeClickable(By.id("print-roster")));
        browser.await().ignoring(ElementClickInterceptedException.class).until(d -> {
            print.click();
            return true;
        });
        browser.await().until(urlContains("reports?"));
        // the class is chosen already: preparing needs one click
        browser.await().until(d -> d.findElement(By.id("param-class-roster-classId")).getDomProperty("value") != null
                && !d.findElement(By.id("param-class-roster-classId")).getDomProperty("value").isBlank());
        browser.await().until(elementToBeClickable(By.id("generate-class-roster-pdf"))).click();
        var link = browser.await().until(d -> d.findElement(By.id("download-class-roster-pdf")));

        var cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/")
                .resolve(link.getDomAttribute("href"))).header("Cookie", "JSESSIONID=" + cookie.getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        try (var pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Class roster", daniels.code());
            enrolled.forEach(e -> assertThat(text).contains(e.studentNumber()));
        }
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
