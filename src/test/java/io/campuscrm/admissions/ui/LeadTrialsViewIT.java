package io.campuscrm.admissions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.TrialOption;
import io.campuscrm.admissions.TrialService;
import io.campuscrm.admissions.TrialStatus;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The lead page's trial lessons without a browser: "Book a trial" offers the lead's course's sessions at its campus
 * with their free seats, the chosen one is booked and listed with its status, the lead is Trial booked, and the
 * booking can be cancelled from the list.
 */
@CampusIntegrationTest
class LeadTrialsViewIT extends SpringBrowserlessTest {

    private static final Random RANDOM = new Random();

    @Autowired
    ApplicationContext context;
    @Autowired
    LeadService leads;
    @Autowired
    TrialService trials;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admissions")
    @SuppressWarnings("unchecked")
    void a_trial_is_booked_from_the_courses_sessions_listed_on_the_lead_page_and_cancelled_there() {
        var scheduling = new SchedulingFixtures(context);
        var orchard = scheduling.campus("Orchard");
        var course = scheduling.course();
        var term = scheduling.term(TestClock.today(), TestClock.today().plusDays(30));
        var room = scheduling.room(orchard, 8);
        long teacher = scheduling.teacher("Teacher " + SchedulingFixtures.unique("T"), orchard);
        scheduling.create(scheduling.draft(course, term, orchard, room, Set.of(teacher), 8, SchedulingFixtures
                .weekly(EnumSet.of(DayOfWeek.SATURDAY), "09:00", "10:00", TestClock.today(),
                        TestClock.today().plusDays(20))));
        long source = jdbc.queryForObject("SELECT MIN(id) FROM lead_source", Long.class);
        var lead = leads.create(new LeadDraft(orchard.id(), "Trial " + RANDOM.nextInt(99999), "Tan Mei",
                String.valueOf(91_000_000 + RANDOM.nextInt(8_000_000)), null, course.id(), null, null, source, null,
                null, null), true);

        navigate(LeadView.route(lead.id()), LeadView.class);
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("lead-trials-none")).isNotNull();
        test($(Button.class).id("lead-trial-book")).click();
        Grid<TrialOption> pick = $(Grid.class).id("trial-session-pick");
        var grid = test(pick);
        assertThat(grid.size()).as("the Saturdays of the next three weeks").isGreaterThanOrEqualTo(2)
                .isEqualTo(SystemAuthentication.call(() -> trials.options(lead.id(), course.id())).size());
        assertThat(grid.getCellText(0, 3)).isEqualTo(room.name());
        assertThat(grid.getCellText(0, 4)).isEqualTo("8");
        grid.select(0);
        test($(Button.class).id("trial-book-confirm")).click();

        var booked = SystemAuthentication.call(() -> trials.ofLead(lead.id())).getFirst();
        assertThat(booked.status()).isEqualTo(TrialStatus.BOOKED);
        assertThat(SystemAuthentication.call(() -> leads.get(lead.id())).stage()).isEqualTo(LeadStage.TRIAL_BOOKED);
        assertThat($(Span.class).id("lead-trial-" + booked.id() + "-status").getText()).isEqualTo("Booked");

        test($(Button.class).id("lead-trial-" + booked.id() + "-cancel")).click();
        assertThat(SystemAuthentication.call(() -> trials.ofLead(lead.id())).getFirst().status())
                .isEqualTo(TrialStatus.CANCELLED);
        assertThat($(Span.class).id("lead-trial-" + booked.id() + "-status").getText()).isEqualTo("Cancelled");
        assertThat($(com.vaadin.flow.component.grid.Grid.class).id("lead-history")).isNotNull();
    }
}
