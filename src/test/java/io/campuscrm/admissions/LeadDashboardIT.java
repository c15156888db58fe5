package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.JdbcStatementCounter;
import io.campuscrm.support.SignedIn;
import io.campuscrm.support.TestClock;

/**
 * The admissions dashboard's figures for a fresh admissions user of a campus: their follow-ups due today (named,
 * today's first, then the overdue ones), overdue and without a next step, the new leads in the campus's pool, their
 * open leads by stage, and how quickly this week's leads of the campus were first contacted; in at most three
 * statements. Other tests' leads share the campus, so the campus-wide figures are compared before and after.
 */
@CampusIntegrationTest
class LeadDashboardIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    LeadDashboardService dashboard;
    @Autowired
    LeadService leads;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    private Campus tampines;
    private String me;
    private long phoneSource;

    @BeforeEach
    void aFreshAdmissionsUser() {
        tampines = new SchedulingFixtures(context).campus("Tampines");
        me = admissionsUser(tampines);
        phoneSource = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.phone'",
                Long.class);
    }

    @Test
    void the_card_counts_my_follow_ups_the_pool_my_stages_and_this_weeks_response_time() {
        var before = as(me, dashboard::mine);
        assertThat(before.work()).isEqualTo(new LeadWork(0, 0, 0, before.work().newInPool()));
        assertThat(before.due()).isEmpty();
        assertThat(before.byStage()).containsOnlyKeys(LeadStage.NEW, LeadStage.CONTACTED, LeadStage.TRIAL_BOOKED,
                LeadStage.TRIAL_ATTENDED).allSatisfy((stage, count) -> assertThat(count).isZero());

        newLead("Waiting");
        var dueToday = newLead("Due Today");
        var overdue = newLead("Overdue");
        var booked = newLead("Booked");
        SystemAuthentication.call(() -> leads.create(LeadDraft.of(tampines.id(), "Pool Child", null,
                null, email(), phoneSource), true));
        clock.advance(Duration.ofMinutes(30));
        as(me, () -> leads.logFollowUp(dueToday.id(), dueToday.version(), new FollowUpDraft(FollowUpKind.CALL,
                "Call back today", NextAction.CALL, TestClock.today(), null)));
        as(me, () -> leads.logFollowUp(overdue.id(), overdue.version(), new FollowUpDraft(FollowUpKind.MESSAGE,
                "Sent the timetable", NextAction.MEETING, TestClock.today(), null)));
        // a follow-up cannot be set in the past: the date of one that was due two days ago
        jdbc.update("UPDATE admission_lead SET next_action_on = ? WHERE id = ?", TestClock.today().minusDays(2),
                overdue.id());
        as(me, () -> leads.changeStage(booked.id(), booked.version(), LeadStage.TRIAL_BOOKED, null));

        var after = as(me, dashboard::mine);

        assertThat(after.work().dueToday()).isOne();
        assertThat(after.work().overdue()).isOne();
        assertThat(after.work().withoutNextStep()).as("waiting, booked").isEqualTo(2);
        assertThat(after.work().newInPool()).isEqualTo(before.work().newInPool() + 1);
        assertThat(after.due()).containsExactly(
                new LeadDashboard.DueLead(dueToday.id(), "Due Today", NextAction.CALL, TestClock.today(), false),
                new LeadDashboard.DueLead(overdue.id(), "Overdue", NextAction.MEETING, TestClock.today().minusDays(2),
                        true));
        assertThat(after.byStage()).isEqualTo(Map.of(LeadStage.NEW, 1L, LeadStage.CONTACTED, 2L,
                LeadStage.TRIAL_BOOKED, 1L, LeadStage.TRIAL_ATTENDED, 0L));
        assertThat(after.responseTime().contacted()).isEqualTo(before.responseTime().contacted() + 3);
        assertThat(after.responseTime().uncontacted()).as("waiting, in the pool")
                .isEqualTo(before.responseTime().uncontacted() + 2);
        assertThat(after.responseTime().median()).isEqualTo(medianThisWeek(tampines));
    }

    @Test
    void the_card_takes_at_most_three_statements_whatever_is_due() throws Exception {
        var lead = newLead("Counted");
        as(me, () -> leads.logFollowUp(lead.id(), lead.version(), new FollowUpDraft(FollowUpKind.CALL, "Call back",
                NextAction.CALL, TestClock.today(), null)));

        // signed in first: loading the user is the sign-in's, not the card's
        var counted = SignedIn.as(userDetails, me,
                (java.util.concurrent.Callable<JdbcStatementCounter.Counted<LeadDashboard>>) () -> JdbcStatementCounter
                        .count(dashboard::mine));

        assertThat(counted.result().due()).extracting(LeadDashboard.DueLead::id).containsExactly(lead.id());
        assertThat(counted.count()).as(String.join("\n", counted.statements())).isLessThanOrEqualTo(3);
    }

    @Test
    void a_merged_or_closed_lead_is_on_no_figure() {
        var kept = newLead("Kept");
        var merged = newLead("Merged");
        var lost = newLead("Lost");
        long reason = jdbc.queryForObject("SELECT id FROM lead_lost_reason WHERE label_key = 'lead.lost.price'",
                Long.class);
        as(me, () -> leads.merge(kept.id(), kept.version(), merged.id(), merged.version()));
        as(me, () -> leads.changeStage(lost.id(), lost.version(), LeadStage.LOST, reason));

        var mine = as(me, dashboard::mine);

        assertThat(mine.work().withoutNextStep()).isOne();
        assertThat(mine.byStage().get(LeadStage.NEW)).isOne();
    }

    /** The median time to first contact of the campus's leads entered since Monday, worked out here. */
    private Duration medianThisWeek(Campus campus) {
        var monday = TestClock.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(TestClock.ZONE).toInstant();
        List<Long> seconds = new ArrayList<>(jdbc.queryForList("""
                SELECT TIMESTAMPDIFF(SECOND, created_at, first_contact_at) FROM admission_lead
                WHERE campus_id = ? AND merged_into_id IS NULL AND created_at >= ? AND first_contact_at IS NOT NULL
                """, Long.class, campus.id(), monday.atZone(ZoneOffset.UTC).toLocalDateTime()));
        seconds.sort(null);
        int n = seconds.size();
        double median = n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2.0;
        return Duration.ofSeconds(Math.round(median));
    }

    private Lead newLead(String child) {
        return as(me, () -> leads.create(LeadDraft.of(tampines.id(), child, "Parent", null, email(), phoneSource),
                true));
    }

    private static String email() {
        return SchedulingFixtures.unique("lead").toLowerCase(Locale.ROOT) + "@example.org";
    }

    private String admissionsUser(Campus campus) {
        String username = SchedulingFixtures.unique("dash").toLowerCase(Locale.ROOT);
        SystemAuthentication.call(() -> users.create(UserDraft.of(username, "Admissions " + username,
                username + "@example.org", Set.of(Role.ADMISSIONS), Set.of(campus.id())), "a long enough password"));
        return username;
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }
}
