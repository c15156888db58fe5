package io.campuscrm.admissions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.SortDirection;

import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The lead list without a browser: filtered on a campaign under "More filters", sorted by a column in the database,
 * ticked leads released to the pool at once and closed as lost only with a reason; the export links are there.
 */
@CampusIntegrationTest
class LeadListViewIT extends SpringBrowserlessTest {

    private static final Random RANDOM = new Random();

    @Autowired
    LeadService leads;
    @Autowired
    JdbcTemplate jdbc;

    private long campaign;

    @BeforeEach
    void aCampaignOfItsOwn() {
        jdbc.update("INSERT INTO lead_campaign (name, source_id, starts_on, ends_on, cost, created_at)"
                + " SELECT ?, MIN(id), '2029-01-01', '2029-12-31', 0, NOW() FROM lead_source",
                SchedulingFixtures.unique("List"));
        campaign = jdbc.queryForObject("SELECT MAX(id) FROM lead_campaign", Long.class);
    }

    @Test
    @WithUserDetails("admissions")
    @SuppressWarnings("unchecked")
    void ticked_leads_are_released_to_the_pool_at_once_and_closed_as_lost_only_with_a_reason() {
        var ann = newLead("Ann");
        var bob = newLead("Bob");
        var view = navigate(LeadsView.ROUTE, LeadsView.class);
        Select<LeadChoice> campaigns = $(Select.class).id("leads-campaign");
        campaigns.setValue(campaigns.getListDataView().getItems().filter(c -> c.id() == campaign).findFirst()
                .orElseThrow());
        var grid = test(view.grid());
        assertThat(grid.size()).isEqualTo(2);
        grid.sortByColumn(0, SortDirection.DESCENDING);
        assertThat(List.of(grid.getRow(0).id(), grid.getRow(1).id())).as("by the child's name, Z to A")
                .containsExactly(bob.id(), ann.id());
        assertThat($(Anchor.class).id("leads-export-csv")).isNotNull();
        assertThat($(Anchor.class).id("leads-export-xlsx")).isNotNull();

        grid.select(0);
        grid.select(1);
        assertThat($(com.vaadin.flow.component.html.Span.class).id("leads-selected").getText())
                .isEqualTo("2 selected");
        test($(Button.class).id("leads-bulk-release")).click();
        assertThat(List.of(ann, bob)).allSatisfy(l -> assertThat(reload(l).ownerId()).isNull());
        assertThat(SystemAuthentication.call(() -> leads.history(ann.id()))).first()
                .satisfies(e -> assertThat(e.kind()).isEqualTo("RELEASED"));

        grid.select(0);
        test($(Button.class).id("leads-bulk-lost")).click();
        test($(Button.class).id("leads-bulk-lost-confirm")).click();
        Select<LeadChoice> reason = $(Select.class).id("leads-bulk-lost-reason");
        assertThat(reason.isInvalid()).as("no reason").isTrue();
        assertThat(reload(bob).stage()).isEqualTo(LeadStage.NEW);
        reason.setValue(reason.getListDataView().getItems().findFirst().orElseThrow());
        test($(Button.class).id("leads-bulk-lost-confirm")).click();
        assertThat(reload(bob).stage()).isEqualTo(LeadStage.LOST);
        assertThat(reload(ann).stage()).isEqualTo(LeadStage.NEW);
    }

    private static String phone() {
        return String.valueOf(90_000_000 + 1_000_000 * (1 + RANDOM.nextInt(7)) + RANDOM.nextInt(1_000_000));
    }

    private Lead reload(Lead lead) {
        return SystemAuthentication.call(() -> leads.get(lead.id()));
    }

    private Lead newLead(String name) {
        long source = jdbc.queryForObject("SELECT MIN(id) FROM lead_source", Long.class);
        long campus = jdbc.queryForObject("SELECT id FROM campus WHERE name = 'Orchard'", Long.class);
        return leads.create(new LeadDraft(campus, name + " " + RANDOM.nextInt(99999), "Parent",
                phone(), null, null, null, null, source, campaign,
                null, null), true);
    }
}
