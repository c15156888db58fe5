package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.scheduling.Room;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.StudentFilter;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentSummary;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The scheduling journey of an administrator in a real browser: a new course, a class with a weekly
 * recurrence, its sessions on the teacher's timetable, two students enrolled, a clashing room refused with a
 * message that names the clash, and the class roster printed.
 */
@CampusIntegrationTest
class SchedulingJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    InstitutionService institution;
    @Autowired
    TermService terms;
    @Autowired
    Clock clock;
    @Autowired
    RoomService rooms;
    @Autowired
    StudentSearch students;
    @Autowired
    EnrollmentService enrollments;

    @Test
    void an_administrator_schedules_a_class_enrolls_students_is_refused_a_clashing_room_and_prints_the_roster() {
        String suffix = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String courseCode = "DRM" + suffix;
        String classCode = courseCode + "-A";
        var campus = SystemAuthentication.call(() -> institution.campuses().getFirst());
        Room room = SystemAuthentication.call(() -> rooms.activeRooms(campus.id()).getFirst());
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Singapore")));
        Term term = SystemAuthentication.call(() -> terms.find(PageRequest.of(0, 1000)).stream()
                .filter(t -> !t.startsOn().isAfter(today) && !t.endsOn().isBefore(today)).findFirst().orElseThrow());
        List<StudentSummary> pupils = SystemAuthentication.call(() -> students.find(
                new StudentFilter(null, null, campus.id(), null), PageRequest.of(0, 2)).getContent());
        var fields = new VaadinFields(browser);
        MainPage main = DemoUser.ADMIN.signIn(LoginPage.open(browser, baseUrl()));

        // A new course
        main.open("admin/courses");
        fields.click("new-course");
        fields.type("course-code", courseCode);
        fields.type("course-name", "Drama Club " + suffix);
        fields.type("course-subject", "Drama");
        fields.type("course-minutes", "60");
        fields.type("course-price", "35.00");
        fields.click("save-course");
        browser.await().until(d -> d.findElements(By.id("save-course")).isEmpty());
        fields.type("courses-search", courseCode);
        fields.awaitText("Drama Club " + suffix);

        // A class with a weekly recurrence: Sundays 07:00-08:00, taught by Daniel Lim
        scheduleClass(fields, classCode, "Drama Club " + suffix, term, campus.name(), room.name(), "Daniel Lim");
        // A new class opens on its sessions: what its schedule made
        browser.await().until(d -> d.getCurrentUrl().matches(".*/classes/\\d+/sessions$"));
        String classUrl = browser.driver().getCurrentUrl().replaceFirst("/sessions$", "");
        long classId = Long.parseLong(classUrl.substring(classUrl.lastIndexOf('/') + 1));
        browser.await().until(d -> !d.findElements(By.cssSelector("#sessions-grid")).isEmpty());

        // Two students enrolled, on the class's students tab (its address follows)
        fields.click("tab-students");
        browser.await().until(d -> d.getCurrentUrl().endsWith("/classes/" + classId + "/students"));
        int enrolled = 0;
        for (StudentSummary pupil : pupils) {
            // by number: other tests add students of the same name, and the list is in name order
            fields.choose("enroll-student", pupil.studentNumber());
            fields.click("enroll");
            int expected = ++enrolled;
            browser.await().until(d -> currentEnrollments(classId).size() == expected);
            // the page clears the picker after each enrollment: the next choice waits for that answer, or it is wiped
            fields.awaitCleared("enroll-student");
        }
        assertThat(currentEnrollments(classId)).extracting(e -> e.status()).containsOnly(EnrollmentStatus.ENROLLED);
        assertThat(currentEnrollments(classId)).extracting(e -> e.studentId())
                .containsExactlyInAnyOrderElementsOf(pupils.stream().map(StudentSummary::id).toList());

        // The class roster, printed from the class page: the class is preselected, one click prepares the PDF
        browser.driver().get(classUrl);
        fields.click("print-roster");
        browser.await().until(d -> d.getCurrentUrl().contains("reports?"));
        fields.click("generate-class-roster-pdf");
        var rosterLink = browser.await().until(d -> d.findElement(By.id("download-class-roster-pdf")));
        String roster = pdfText(rosterLink.getDomAttribute("href"));
        assertThat(roster).contains("Class roster", classCode);
        pupils.forEach(p -> assertThat(roster).contains(p.studentNumber()));

        // The same room at the same time for another class is refused, naming the clash
        scheduleClass(fields, classCode + "X", "Drama Club " + suffix, term, campus.name(), room.name(),
                "Daniel Lim");
        fields.awaitText("Room " + room.name() + " is already used by class " + classCode);
        assertThat(browser.driver().getCurrentUrl()).endsWith("/classes/new");

        // Daniel Lim sees the new class's Sunday session on his own timetable (today is in the term)
        browser.driver().manage().deleteAllCookies();
        DemoUser.TEACHER.signIn(LoginPage.open(browser, baseUrl()));
        LocalDate sunday = today.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        browser.driver().get(baseUrl() + "/timetable?scope=teacher&week=" + sunday);
        fields.awaitText(classCode);
    }

    private String pdfText(String href) {
        try {
            var cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(baseUrl() + "/").resolve(href)).header("Cookie", "JSESSIONID="
                            + cookie.getValue()).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private void scheduleClass(VaadinFields fields, String code, String course, Term term, String campus,
            String room, String teacher) {
        browser.driver().get(baseUrl() + "/classes/new");
        fields.type("class-code", code);
        fields.type("class-name", course + " · Sunday");
        fields.choose("class-course", course);
        fields.choose("class-term", term.name());
        fields.choose("class-campus", campus);
        fields.choose("class-room", room);
        fields.choose("class-teachers", teacher);
        fields.type("class-capacity", "8");
        fields.tickSelf("recurrence-enabled");
        fields.tick("recurrence-weekdays", DayOfWeek.SUNDAY.getDisplayName(java.time.format.TextStyle.SHORT,
                java.util.Locale.forLanguageTag("en-SG")));
        fields.time("recurrence-start", LocalTime.of(7, 0));
        fields.time("recurrence-end", LocalTime.of(8, 0));
        fields.date("recurrence-from", term.startsOn());
        fields.date("recurrence-to", term.endsOn());
        fields.click("save-class");
    }

    private List<io.campuscrm.scheduling.Enrollment> currentEnrollments(long classId) {
        return SystemAuthentication.call(() -> enrollments.enrollments(classId, true, PageRequest.of(0, 10)))
                .getContent();
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
