package io.campuscrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.campuscrm.support.CampusIntegrationTest;

/** Signing in and out in a real browser, per role: what each one sees, and what each one is refused. */
@CampusIntegrationTest
class LoginJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    static Stream<Arguments> navigationPerRole() {
        return Stream.of(
                Arguments.of(DemoUser.ADMIN, Set.of("", "leads", "students", "classes", "timetable",
                        "attendance/alerts", "reports", "admin/courses", "admin/terms", "admin/rooms", "admin/teachers",
                        "admin/users", "admin/audit", "admin/jobs", "admin/mail", "admin/settings", "admin/consumption-policies",
                        "admin/admissions")),
                Arguments.of(DemoUser.ADMISSIONS, Set.of("", "leads", "students", "classes", "timetable",
                        "attendance/alerts", "reports")),
                Arguments.of(DemoUser.TEACHER, Set.of("", "today", "students", "my-classes", "timetable", "reports")),
                Arguments.of(DemoUser.FINANCE, Set.of("", "students", "timetable", "attendance/alerts", "reports",
                        "admin/jobs")));
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @MethodSource("navigationPerRole")
    void each_demo_role_signs_in_sees_its_navigation_and_signs_out(DemoUser user, Set<String> navigation) {
        MainPage main = user.signIn(LoginPage.open(browser, baseUrl()));

        assertThat(main.navigationPaths()).containsExactlyInAnyOrderElementsOf(navigation);
        assertThat(main.greeting()).isEqualTo("Welcome, " + user.displayName);

        LoginPage login = main.signOut();

        assertThat(login.path()).isEqualTo("/login");
        assertThat(login.showsForm()).isTrue();
    }

    @Test
    void a_teacher_opening_the_users_view_is_told_access_is_denied() {
        MainPage main = DemoUser.TEACHER.signIn(LoginPage.open(browser, baseUrl()));

        MainPage users = main.open("admin/users");

        assertThat(users.accessDeniedTitle()).isEqualTo("Access denied");
        assertThat(users.navigationPaths()).containsExactlyInAnyOrder("", "today", "students", "my-classes", "timetable",
                "reports");
    }

    @ParameterizedTest(name = "opening /{0}")
    @ValueSource(strings = {"", "admin/users"})
    void an_anonymous_visitor_is_sent_to_the_login_page(String path) {
        browser.driver().get(baseUrl() + "/" + path);

        LoginPage login = LoginPage.expect(browser, baseUrl());

        assertThat(login.showsForm()).isTrue();
        assertThat(login.showsError()).isFalse();
    }

    @Test
    void a_wrong_password_shows_a_clear_error() {
        LoginPage login = LoginPage.open(browser, baseUrl())
                .signInExpectingFailure(DemoUser.ADMISSIONS.username, "not-the-password");

        assertThat(login.path()).isEqualTo("/login");
        assertThat(login.showsError()).isTrue();
        assertThat(login.errorTitle()).isEqualTo("Could not sign in");
        assertThat(login.errorDescription()).isEqualTo("Check your username and password and try again.");
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
