package io.campuscrm.attendance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import io.campuscrm.attendance.AlertFixtures;
import io.campuscrm.attendance.AttendanceAlerts;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.ui.AccessDeniedView;
import io.campuscrm.shared.ui.DashboardView;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The alerts page and cards without a browser: the office's four tabs and finance's one, each its own address; a
 * student's name links to their file; the office's card counts each list and opens its tab; finance has a card of
 * its own; a teacher is told access is denied.
 */
@CampusIntegrationTest
class AlertsViewIT extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AttendanceAlerts alerts;

    @Test
    @WithUserDetails("admin")
    void the_administrator_has_a_tab_per_list_and_a_students_name_opens_their_file() {
        var fixtures = new AlertFixtures(context);
        var orchard = fixtures.campus("Orchard");
        var schoolClass = fixtures.newClass(orchard);
        long student = fixtures.enrolled(schoolClass, orchard);
        int n = SystemAuthentication.call(alerts::criteria).consecutiveAbsences();
        var statuses = new ArrayList<>(List.of(AttendanceStatus.PRESENT));
        statuses.addAll(Collections.nCopies(n, AttendanceStatus.ABSENT));
        fixtures.markDays(schoolClass, student, statuses.toArray(AttendanceStatus[]::new));

        navigate("attendance/alerts", AlertsView.class);

        assertThat(tabs()).containsExactly("attendance/alerts", "attendance/alerts/low-rate",
                "attendance/alerts/low-balance", "attendance/alerts/expiring", "attendance/alerts/owing");
        var grid = grid("alerts-absences");
        List<String> links = new ArrayList<>();
        for (int row = 0; row < test(grid).size(); row++) {
            links.add(((Anchor) test(grid).getCellComponent(row, 0)).getHref());
        }
        assertThat(links).contains("students/" + student);

        navigate("attendance/alerts/owing", AlertsView.class);
        assertThat(grid("alerts-owing").isVisible()).isTrue();
    }

    @Test
    @WithUserDetails("finance")
    void finance_has_only_the_lessons_owed_on_the_page_and_on_its_card() {
        navigate("attendance/alerts", AlertsView.class);
        assertThat(tabs()).containsExactly("attendance/alerts");
        assertThat(grid("alerts-owing").isVisible()).isTrue();
        assertThat($(Grid.class).all()).hasSize(1);

        navigate(DashboardView.class);
        assertThat(ids()).contains("owing-card").doesNotContain("attendance-alerts-card");
        test($(Button.class).id("owing-card-open")).click();
        assertThat(getCurrentView()).isInstanceOf(AlertsView.class);
        assertThat(grid("alerts-owing").isVisible()).isTrue();
    }

    @Test
    @WithUserDetails("admissions")
    void the_offices_card_counts_each_list_and_opens_its_tab() {
        navigate(DashboardView.class);
        var card = $(Div.class).id("attendance-alerts-card");
        assertThat(card.getChildren().filter(c -> c instanceof Span span && span.hasClassName("card-figure"))
                .map(c -> ((Span) c).getText()).findFirst().orElseThrow()).matches("[0-9,]+\\+?");
        assertThat(ids()).contains("attendance-alerts-card-absences", "attendance-alerts-card-low-rate",
                "attendance-alerts-card-low-balance", "attendance-alerts-card-expiring")
                .doesNotContain("attendance-alerts-card-owing", "owing-card");
        assertThat($(Button.class).id("attendance-alerts-card-low-balance").getText()).startsWith("Running low");

        test($(Button.class).id("attendance-alerts-card-low-balance")).click();

        assertThat(getCurrentView()).isInstanceOf(AlertsView.class);
        assertThat(grid("alerts-low-balance").isVisible()).isTrue();
        assertThat(tabs()).doesNotContain("attendance/alerts/owing");
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_opening_the_alerts_is_told_access_is_denied() {
        navigate("attendance/alerts", AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    private List<String> tabs() {
        return $(Anchor.class).all().stream().filter(a -> a.hasClassName("detail-tab")).map(Anchor::getHref)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Grid<Object> grid(String id) {
        return $(Grid.class).id(id);
    }

    private List<String> ids() {
        return $(Component.class).all().stream().map(c -> c.getId().orElse("")).toList();
    }
}
