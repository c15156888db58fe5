package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.ui.StudentNavigation;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * A teacher types the address of another teacher's class, of a student they do not teach, of a timetable not
 * theirs: every route with an id answers with the same friendly "not found" page as for an id that does not exist,
 * never a stack trace, and the page never tells which of the two it was.
 */
@CampusIntegrationTest
class NotFoundJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    ClassSearch classes;
    @Autowired
    StudentChanges students;

    @Test
    void a_teacher_opening_addresses_outside_their_classes_gets_the_not_found_page_for_each() {
        var notMine = SystemAuthentication.call(() -> classes.find(ClassFilter.all(), PageRequest.of(0, 500))
                .stream().filter(c -> !c.teacherNames().contains(DemoUser.TEACHER.displayName)).findFirst()
                .orElseThrow());
        long otherTeacher = SystemAuthentication.call(() -> classes.get(notMine.id()).teacherIds().iterator().next());
        long stranger = SystemAuthentication.call(() -> students.create(NewStudent.withNewFamily(
                StudentDraft.named("Stranger Zqxv", notMine.campusId())).anyway()).id());
        long missing = Long.MAX_VALUE / 2;
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("another teacher's class", "classes/" + notMine.id());
        addresses.put("a class that does not exist", "classes/" + missing);
        addresses.put("a student they do not teach", StudentNavigation.file(stranger));
        addresses.put("that student's documents", StudentNavigation.file(stranger) + "/documents");
        addresses.put("a student who does not exist", StudentNavigation.file(missing));
        addresses.put("another teacher's timetable", "timetable?scope=teacher&id=" + otherTeacher);
        addresses.put("that class's timetable", "timetable?scope=class&id=" + notMine.id());
        addresses.put("a campus timetable", "timetable?scope=campus&id=" + notMine.campusId());
        addresses.put("a malformed class number", "classes/abc");

        var main = DemoUser.TEACHER.signIn(LoginPage.open(browser, "http://localhost:" + port));
        List<String> pages = new ArrayList<>();
        addresses.forEach((what, path) -> {
            main.open(path);
            assertThat(main.notFoundTitle()).as(what).isEqualTo("Not found");
            String text = browser.driver().findElement(By.tagName("body")).getText();
            assertThat(text).as(what).doesNotContain("Exception", "Could not navigate", notMine.code());
            pages.add(browser.driver().findElement(By.id("not-found")).getText());
        });
        assertThat(pages).as("the same page for every address").containsOnly(pages.getFirst());
    }
}
