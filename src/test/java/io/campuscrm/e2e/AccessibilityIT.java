package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * Every page each role can open passes axe-core's WCAG 2.1 A and AA rules without a serious or critical violation:
 * the navigation's views, a student's file on each of its tabs, a class page, the timetable in each of its scopes, a
 * report preselected by address, the password page and, for those who may not open it, the access-denied page. One
 * sign-in per role; the pages' ids come from the demo data, chosen so that every role may see them.
 */
@CampusIntegrationTest
class AccessibilityIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    /** A full week of the demo term (2 Nov 2026 – 27 Feb 2027), so the timetables have blocks to check. */
    private static final LocalDate DEMO_WEEK = LocalDate.of(2026, 11, 16);
    private static final By STUDENT_TABS = By.cssSelector("#student-tabs a[id^='tab-']");

    /**
     * Findings inside a Vaadin component's own shadow DOM, which the application cannot change. Each names the rule,
     * the component and the element within it exactly, and holds only while every node the finding points at is in
     * that shadow DOM: the same rule on the application's own content still fails.
     */
    private static final List<VaadinInternal> VAADIN_INTERNALS = List.of(
            // The grid measures its columns with a hidden sizer row, <caption id="sizer"> holding role=gridcell
            // cells, placed directly in its role=treegrid table; axe 4.6 sees cells outside a row. The rows the
            // user reads are proper role=row elements with gridcells and column headers.
            new VaadinInternal("aria-required-children", "vaadin-grid", "#table"),
            // The tab bar (role=tablist) wraps the slotted tabs in a focusable scroll container and two
            // aria-hidden scroll buttons in its shadow DOM, which axe 4.6 counts as children a tablist may not
            // have; the tabs themselves are role=tab and keyboard reachable.
            new VaadinInternal("aria-required-children", "vaadin-tabs", ""));

    @LocalServerPort
    int port;
    @Autowired
    ClassSearch classes;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    StudentSearch students;
    @Autowired
    UserService users;
    @Autowired
    InstitutionService institution;

    @ParameterizedTest(name = "signed in as {0}")
    @EnumSource(DemoUser.class)
    void every_page_a_role_can_open_has_no_serious_or_critical_wcag_violation(DemoUser user) {
        Sample sample = sample();
        var axe = new AxeScan(browser);
        MainPage main = user.signIn(LoginPage.open(browser, baseUrl()));
        List<String> pages = new ArrayList<>(main.navigationPaths().stream().sorted().toList());
        assertThat(pages).as("the navigation of " + user).contains("", "students", "timetable", "reports");
        if (!pages.contains("admin/users")) {
            pages.add("admin/users"); // the access-denied page
        }
        pages.add("account/password");
        pages.add("classes/" + sample.classId());
        pages.add("reports?report=class-roster&classId=" + sample.classId());
        pages.add(timetable("campus", sample.campusId()));
        pages.add(timetable("teacher", sample.teacherId()));
        pages.add(timetable("room", sample.roomId()));
        pages.add(timetable("class", sample.classId()));
        pages.add(timetable("student", sample.studentId()));
        if (user == DemoUser.ADMIN) {
            // test-only page with every kind of block: cancelled, side by side, short
            pages.add("test/timetable-preview?week=" + DEMO_WEEK);
        }

        Map<String, List<AxeScan.Violation>> found = new LinkedHashMap<>();
        for (String page : pages) {
            found.put(page, scan(axe, main, page));
        }
        String studentFile = "students/" + sample.studentId();
        main.open(studentFile).settled();
        List<String> tabs = browser.driver().findElements(STUDENT_TABS).stream()
                .map((WebElement tab) -> tab.getDomAttribute("id").substring("tab-".length())).toList();
        assertThat(tabs).as("tabs of a student's file").contains("details", "family", "notes", "timeline");
        for (String tab : tabs) {
            found.put(studentFile + "/" + tab, scan(axe, main, studentFile + "/" + tab));
        }

        assertThat(found).as("pages scanned").hasSizeGreaterThanOrEqualTo(15);
        assertThat(report(found)).as("serious or critical WCAG 2.1 A/AA violations for " + user).isEmpty();
    }

    @Test
    void the_sign_in_page_has_no_serious_or_critical_wcag_violation() {
        LoginPage.open(browser, baseUrl());

        var violations = ownViolations(new AxeScan(browser).scan(), "login");

        assertThat(report(Map.of("login", violations))).isEmpty();
    }

    private static String timetable(String scope, long id) {
        return "timetable?scope=" + scope + "&id=" + id + "&week=" + DEMO_WEEK;
    }

    private static List<AxeScan.Violation> scan(AxeScan axe, MainPage main, String page) {
        main.open(page).settled();
        return ownViolations(axe.scan(), page);
    }

    private static List<AxeScan.Violation> ownViolations(AxeScan.Result result, String page) {
        assertThat(result.rulesRun()).as("axe rules run on " + page).isPositive();
        return result.violations().stream().filter(v -> VAADIN_INTERNALS.stream().noneMatch(known -> known.is(v)))
                .toList();
    }

    private record VaadinInternal(String rule, String component, String inside) {

        boolean is(AxeScan.Violation violation) {
            return violation.internal() && violation.rule().equals(rule) && violation.component().equals(component)
                    && violation.inside().equals(inside);
        }
    }

    /** One line per page and element: {@code [/timetable?…] label-content-name-mismatch (serious) at …: help}. */
    private static String report(Map<String, List<AxeScan.Violation>> found) {
        return found.entrySet().stream()
                .flatMap(page -> page.getValue().stream().map(v -> "\n  [/" + page.getKey() + "] " + v))
                .collect(Collectors.joining());
    }

    /**
     * Ids every role may see: a class the demo teacher teaches on the campus admissions works at (the first), its
     * room, and a student enrolled in it who belongs to that campus.
     */
    private Sample sample() {
        return SystemAuthentication.call(() -> {
            long orchard = institution.campuses().getFirst().id();
            long teacher = users.colleagues(Role.TEACHER, DemoUser.TEACHER.displayName, PageRequest.of(0, 1))
                    .getContent().getFirst().id();
            for (ClassSummary c : classes.find(ClassFilter.all(), PageRequest.of(0, 500))) {
                if (c.campusId() != orchard || !c.teacherNames().contains(DemoUser.TEACHER.displayName)) {
                    continue;
                }
                var enrolled = enrollments.enrollments(c.id(), true, PageRequest.of(0, 500)).stream()
                        .filter(e -> e.status() == EnrollmentStatus.ENROLLED).map(e -> e.studentId()).toList();
                var student = students.references(enrolled).values().stream()
                        .filter(s -> s.campusId() != null && s.campusId() == orchard).findFirst();
                if (student.isPresent()) {
                    return new Sample(orchard, teacher, c.roomId(), c.id(), student.get().id());
                }
            }
            throw new IllegalStateException("The demo data has no class of " + DemoUser.TEACHER.displayName
                    + " at the first campus with a student of that campus");
        });
    }

    private record Sample(long campusId, long teacherId, long roomId, long classId, long studentId) {
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
