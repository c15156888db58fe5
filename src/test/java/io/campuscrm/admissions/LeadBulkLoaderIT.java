package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.JdbcStatementCounter;
import io.campuscrm.support.TestClock;

/**
 * The bulk path of the demo and the benchmarks: leads with their past come back in input order, each with its
 * stage, first contact, follow-ups and history as if worked one by one, in a number of statements that grows by the
 * batch, not by the lead.
 */
@CampusIntegrationTest
class LeadBulkLoaderIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    LeadBulkLoader loader;
    @Autowired
    LeadService leads;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    @Test
    void leads_load_in_order_with_their_stage_follow_ups_and_history_in_a_few_statements_per_batch() {
        long campus = new SchedulingFixtures(context).campus("Orchard").id();
        long source = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.fair'",
                Long.class);
        var created = clock.instant().minus(Duration.ofDays(10));
        var contacted = created.plus(Duration.ofHours(5));
        List<BulkLead> batch = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            var followUps = i % 2 == 0 ? List.<BulkLead.FollowUp>of() : List.of(new BulkLead.FollowUp(
                    FollowUpKind.CALL, "Called back", contacted, NextAction.TRIAL, TestClock.today().plusDays(1),
                    null, "admissions"));
            batch.add(new BulkLead(campus, "Bulk Child " + i, "Bulk Parent", "+659100" + String.format("%04d", i),
                    null, null, null, null, source, null, null, i % 2 == 0 ? LeadStage.NEW : LeadStage.TRIAL_BOOKED,
                    null, null, i % 2 == 0 ? null : NextAction.TRIAL, i % 2 == 0 ? null : TestClock.today()
                            .plusDays(1), created, i % 2 == 0 ? null : contacted, LeadChannel.STAFF, followUps));
        }

        var counted = SystemAuthentication.call(() -> {
            try {
                return JdbcStatementCounter.count(() -> loader.load(batch));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        var ids = counted.result();
        assertThat(ids).hasSize(600).isSorted();
        assertThat(counted.count()).as("statements for 600 leads: 2 batches of leads, history, follow-ups, audit")
                .isLessThan(15);
        var second = SystemAuthentication.call(() -> leads.get(ids.get(1)));
        assertThat(second.childName()).isEqualTo("Bulk Child 1");
        assertThat(second.stage()).isEqualTo(LeadStage.TRIAL_BOOKED);
        assertThat(second.createdAt()).isEqualTo(created);
        assertThat(second.firstContactAt()).isEqualTo(contacted);
        assertThat(SystemAuthentication.call(() -> leads.followUps(second.id()))).extracting(FollowUp::outcome)
                .containsExactly("Called back");
        assertThat(SystemAuthentication.call(() -> leads.history(second.id()))).extracting(LeadEvent::kind)
                .containsExactlyInAnyOrder("CREATED", "FOLLOW_UP", "STAGE");
        assertThat(SystemAuthentication.call(() -> leads.get(ids.getLast())).childName()).isEqualTo("Bulk Child 599");
    }
}
