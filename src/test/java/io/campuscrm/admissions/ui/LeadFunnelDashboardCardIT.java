package io.campuscrm.admissions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;

import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadReportService;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.ui.DashboardView;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.SignedIn;
import io.campuscrm.support.TestClock;

/**
 * The funnel card on the dashboard without a browser: this month's leads of the user's campuses, a bar per stage as
 * wide as its share, the same figures as the report's service gives, and a link to the lead funnel report for the
 * month. A teacher has no such card.
 */
@CampusIntegrationTest
class LeadFunnelDashboardCardIT extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LeadService leads;
    @Autowired
    LeadReportService reports;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_card_shows_this_months_funnel_of_my_campuses_and_opens_the_report() {
        String me = admissionsUser();
        as(me, () -> {
            var lead = leads.create(LeadDraft.of(new SchedulingFixtures(context).campus("Orchard").id(),
                    "Funnel Card Child", "Parent", null, SchedulingFixtures.unique("fc").toLowerCase(Locale.ROOT)
                            + "@example.org", source()), true);
            return leads.changeStage(lead.id(), lead.version(), LeadStage.TRIAL_BOOKED, null);
        });

        as(me, () -> {
            var funnel = reports.funnelThisMonth();
            assertThat(funnel.from()).isEqualTo(TestClock.today().withDayOfMonth(1));
            assertThat(funnel.total().trialBooked()).isPositive();
            navigate(DashboardView.class);
            var card = $(Div.class).id("funnel-card");
            assertThat(card.getElement().getTextRecursively()).contains("This month's funnel",
                    String.valueOf(funnel.total().leads()), "leads entered this month");
            var entered = $(ListItem.class).id("funnel-card-step-0");
            assertThat(entered.getElement().getTextRecursively()).isEqualTo("Leads entered"
                    + funnel.total().leads());
            var booked = $(ListItem.class).id("funnel-card-step-2");
            assertThat(booked.getElement().getTextRecursively()).startsWith("Trial booked").endsWith(
                    String.valueOf(funnel.total().trialBooked()));
            var fill = booked.getChildren().toList().get(1).getChildren().findFirst().orElseThrow();
            assertThat(fill.getElement().getStyle().get("width")).isEqualTo(String.format(Locale.ROOT, "%.1f%%",
                    100.0 * funnel.total().trialBooked() / funnel.total().leads()));

            test($(Button.class).id("funnel-card-open")).click();

            var location = UI.getCurrent().getActiveViewLocation();
            assertThat(location.getPath()).isEqualTo("reports");
            assertThat(location.getQueryParameters().getParameters()).containsEntry("report", java.util.List.of(
                    "lead-funnel")).containsEntry("from", java.util.List.of(funnel.from().toString()))
                    .containsEntry("to", java.util.List.of(TestClock.today().toString()));
            assertThat($(Div.class).id("report-lead-funnel").getClassNames()).contains("report-card-selected");
            return null;
        });
    }

    @Test
    void a_teacher_has_no_funnel_card() {
        as("teacher", () -> {
            navigate(DashboardView.class);
            assertThat($(Div.class).withId("funnel-card").all()).isEmpty();
            return null;
        });
    }

    private String admissionsUser() {
        var orchard = new SchedulingFixtures(context).campus("Orchard");
        String username = SchedulingFixtures.unique("funnelcard").toLowerCase(Locale.ROOT);
        SystemAuthentication.call(() -> users.create(UserDraft.of(username, "Admissions " + username,
                username + "@example.org", Set.of(Role.ADMISSIONS), Set.of(orchard.id())), "a long enough password"));
        return username;
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }

    private long source() {
        return jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.phone'", Long.class);
    }
}
