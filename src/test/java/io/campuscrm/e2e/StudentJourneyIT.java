package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * Admissions' journey in a real browser: find a student by part of the name, open the file, upload a document
 * through the real upload request and download it again.
 */
@CampusIntegrationTest
class StudentJourneyIT {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    StudentChanges students;
    @Autowired
    InstitutionService institution;

    @Test
    void admissions_find_a_student_open_the_file_and_upload_and_download_a_document() throws Exception {
        String marker = letters();
        long id = SystemAuthentication.call(() -> {
            long orchard = institution.campuses().stream().filter(c -> c.name().equals("Orchard")).findFirst()
                    .orElseThrow().id();
            return students.create(NewStudent.withNewFamily(StudentDraft.named("Lim Hui Min " + marker, orchard))
                    .anyway()).id();
        });
        MainPage main = DemoUser.ADMISSIONS.signIn(LoginPage.open(browser, baseUrl()));
        main.open("students");

        WebElement search = browser.await().until(d -> d.findElement(By.cssSelector("#students-search input")));
        search.sendKeys("hui " + marker, Keys.ENTER);
        By row = By.xpath("//vaadin-grid[@id='students-grid']//vaadin-grid-cell-content[contains(., '" + marker
                + "')]");
        browser.await().until(d -> d.findElements(row).size() == 1);
        browser.driver().findElement(row).click();
        browser.await().until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/students/" + id));
        assertThat(browser.await().until(d -> d.findElement(By.id("student-name"))).getText())
                .isEqualTo("Lim Hui Min " + marker);

        browser.driver().findElement(By.id("tab-documents")).click();
        browser.await().until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/students/" + id + "/documents"));
        Path file = Files.createDirectories(Path.of("target", "e2e-files")).resolve("report-" + marker + ".pdf");
        Files.write(file, PDF);
        WebElement upload = browser.await().until(d -> d.findElement(By.id("document-upload")));
        upload.getShadowRoot().findElement(By.cssSelector("input[type='file']"))
                .sendKeys(file.toAbsolutePath().toString());

        By link = By.xpath("//vaadin-grid[@id='documents-grid']//a[contains(., 'report-" + marker + ".pdf')]");
        WebElement download = browser.await().until(d -> d.findElements(link).isEmpty() ? null : d.findElement(link));
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/")
                .resolve(download.getDomAttribute("href"))).header("Cookie", "JSESSIONID=" + sessionId()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        assertThat(response.body()).isEqualTo(PDF);
    }

    /** A name part no other student has; letters only, as names are searched by letters. */
    private static String letters() {
        StringBuilder marker = new StringBuilder("Jq");
        for (char c : UUID.randomUUID().toString().substring(0, 6).toCharArray()) {
            marker.append((char) ('a' + Character.digit(c, 16)));
        }
        return marker.toString();
    }

    private String sessionId() {
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        return cookie == null ? "" : cookie.getValue();
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
