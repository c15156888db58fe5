package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.campuscrm.admissions.internal.PoolSettings;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.CampusDraft;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.SettingValue;
import io.campuscrm.institution.SettingsService;
import io.campuscrm.platform.JobOutcome;
import io.campuscrm.platform.JobService;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.Concurrently;
import io.campuscrm.support.JdbcStatementCounter;
import io.campuscrm.support.SignedIn;
import io.campuscrm.support.TestClock;

/**
 * 私海 and 公海 (decision 0076) on a campus of each test's own, with its own settings: the round of new leads, claims
 * (cap, cool-down, two at once), releases, the return of quiet leads at exactly the campus's days with the warning
 * before, and who may do what. The clock stays where it is: how long a lead has been quiet is set on the lead.
 */
@CampusIntegrationTest
class LeadPoolIT {

    private static final String JOB = "admissions.pool-return";

    @Autowired
    LeadService leads;
    @Autowired
    LeadPoolService pool;
    @Autowired
    LeadDashboardService dashboard;
    @Autowired
    InstitutionService institution;
    @Autowired
    SettingsService settings;
    @Autowired
    UserService users;
    @Autowired
    JobService jobs;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;

    private Campus campus;
    private long phoneSource;

    @BeforeEach
    void aCampusOfItsOwn() {
        campus = SystemAuthentication.call(() -> institution.createCampus(new CampusDraft(
                SchedulingFixtures.unique("Zz pool campus"), "1 Test Road", "+65 6000 0000", true)));
        phoneSource = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.phone'",
                Long.class);
    }

    @Test
    void new_leads_of_a_round_robin_campus_go_to_its_admissions_users_in_turn_skipping_the_away_and_those_at_their_cap() {
        set(PoolSettings.NEW_LEADS, "ROUND_ROBIN");
        set(PoolSettings.CAP, "3");
        // admissions users without campuses work at every campus, this one too: away while this test hands out
        var others = as("admin", () -> pool.team(campus.id()));
        others.forEach(m -> as("admin", () -> {
            pool.setAway(m.userId(), m.version(), TestClock.today().minusDays(1), TestClock.today().plusDays(1));
            return null;
        }));
        var a = user("Ann");
        var b = user("Ben");
        var c = user("Cai");
        assertThat(owners(3)).containsExactly(a.id(), b.id(), c.id());

        as("admin", () -> {
            pool.setAway(b.id(), 0, TestClock.today(), TestClock.today().plusDays(2));
            return null;
        });
        assertThat(owners(2)).as("Ben is away today").containsExactly(a.id(), c.id());
        assertThat(owners(2)).as("Ann and Cai reach the cap of 3").containsExactly(a.id(), c.id());
        assertThat(owners(1)).as("the away one and those at their cap are passed by: the pool").containsExactly(
                (Long) null);

        as("admin", () -> {
            pool.setAway(b.id(), 1, null, null);
            return null;
        });
        assertThat(owners(2)).as("Ben is back, the others are at the cap").containsExactly(b.id(), b.id());
        var history = as("admin", () -> leads.history(lastLead()));
        assertThat(history).filteredOn(e -> e.kind().equals("CREATED")).singleElement()
                .as("whom the round gave it to, on its history").satisfies(e -> assertThat(e.detail())
                        .isEqualTo(String.valueOf(b.id())));
        as("admin", () -> pool.team(campus.id())).stream().filter(m -> others.stream()
                .anyMatch(o -> o.userId() == m.userId())).forEach(m -> as("admin", () -> {
                    pool.setAway(m.userId(), m.version(), null, null);
                    return null;
                }));
    }

    @Test
    void a_campus_that_pools_its_new_leads_leaves_them_in_the_pool() {
        user("Dee");
        assertThat(owners(2)).containsExactly(null, null);
    }

    @Test
    void a_claim_respects_the_cap_and_who_let_a_lead_go_waits_the_cool_down_before_claiming_it_again() {
        set(PoolSettings.CAP, "1");
        var eve = user("Eve");
        var fay = user("Fay");
        var first = pooled("First child");
        var second = pooled("Second child");

        var claimed = as(eve.username(), () -> pool.claim(first.id()));
        assertThat(claimed.ownerId()).isEqualTo(eve.id());
        assertThat(claimed.quietSince()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThatThrownBy(() -> as(eve.username(), () -> pool.claim(second.id())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("lead.pool.error.cap");
                    assertThat(e.arguments()).containsExactly(1);
                });

        var released = as(eve.username(), () -> pool.release(first.id(), claimed.version()));
        assertThat(released.ownerId()).isNull();
        assertThat(released.quietSince()).isNull();
        assertThatThrownBy(() -> as(eve.username(), () -> pool.claim(first.id())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("lead.pool.error.cooldown");
                    assertThat(e.arguments()).containsExactly("First child", 24L);
                });
        assertThatThrownBy(() -> as(eve.username(), () -> leads.assign(first.id(), released.version(), eve.id())))
                .as("giving it to oneself is claiming it").isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lead.pool.error.cooldown"));

        // someone else may claim it meanwhile, and give it back
        var fays = as(fay.username(), () -> pool.claim(first.id()));
        assertThat(fays.ownerId()).isEqualTo(fay.id());
        var back = as(fay.username(), () -> pool.release(first.id(), fays.version()));
        // Eve released it 24 hours ago, to the second
        jdbc.update("UPDATE lead_event SET occurred_at = ? WHERE lead_id = ? AND kind = 'RELEASED' AND actor = ?",
                UtcDateTime.of(clock.instant().minus(Duration.ofHours(24))), first.id(), eve.username());
        assertThat(as(eve.username(), () -> pool.claim(first.id())).ownerId()).isEqualTo(eve.id());

        assertThat(as(eve.username(), () -> leads.history(first.id()))).extracting(LeadEvent::kind, LeadEvent::before,
                LeadEvent::after).contains(
                        org.assertj.core.groups.Tuple.tuple("CLAIMED", null, String.valueOf(eve.id())),
                        org.assertj.core.groups.Tuple.tuple("RELEASED", String.valueOf(eve.id()), null),
                        org.assertj.core.groups.Tuple.tuple("CLAIMED", null, String.valueOf(fay.id())),
                        org.assertj.core.groups.Tuple.tuple("RELEASED", String.valueOf(fay.id()), null));
        assertThat(back.version()).isPositive();
    }

    @Test
    void of_two_users_claiming_the_same_lead_at_the_same_moment_exactly_one_wins_and_the_other_is_told_who() throws Exception {
        var gus = user("Gus Tan");
        var hui = user("Hui Min");
        for (int round = 0; round < 5; round++) {
            var lead = pooled("Raced child " + round);
            List<Callable<Lead>> claims = List.of(
                    () -> as(gus.username(), () -> pool.claim(lead.id())),
                    () -> as(hui.username(), () -> pool.claim(lead.id())));
            var outcomes = Concurrently.run(claims);
            var won = outcomes.stream().filter(Lead.class::isInstance).map(Lead.class::cast).toList();
            var lost = outcomes.stream().filter(LeadTakenException.class::isInstance)
                    .map(LeadTakenException.class::cast).toList();
            assertThat(won).as("round " + round + ": " + outcomes).hasSize(1);
            assertThat(lost).as("round " + round + ": " + outcomes).hasSize(1);
            long winner = won.getFirst().ownerId();
            assertThat(lost.getFirst().ownerId()).isEqualTo(winner);
            assertThat(lost.getFirst().ownerName()).isEqualTo(winner == gus.id() ? "Gus Tan" : "Hui Min");
            assertThat(jdbc.queryForObject("SELECT owner_id FROM admission_lead WHERE id = ?", Long.class,
                    lead.id())).isEqualTo(winner);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_event WHERE lead_id = ? AND kind = 'CLAIMED'",
                    Integer.class, lead.id())).isOne();
        }
    }

    @Test
    void a_lead_quiet_for_exactly_the_campus_days_returns_to_the_pool_and_its_owner_was_warned_before() throws Exception {
        set(PoolSettings.RETURN_DAYS, "7");
        set(PoolSettings.WARNING_DAYS, "2");
        var ida = user("Ida");
        var now = clock.instant();
        var due = owned(ida, "Seven days quiet", now.minus(Duration.ofDays(7)));
        var almost = owned(ida, "A second short", now.minus(Duration.ofDays(7)).plusSeconds(1));
        var warned = owned(ida, "Five days quiet", now.minus(Duration.ofDays(5)));
        var fresh = owned(ida, "Not yet warned", now.minus(Duration.ofDays(5)).plusSeconds(1));

        var before = as(ida.username(), () -> dashboard.mine());
        assertThat(before.returningCount()).isEqualTo(3);
        assertThat(before.returning()).extracting(LeadDashboard.ReturningLead::childName)
                .containsExactly("Seven days quiet", "A second short", "Five days quiet");
        assertThat(before.returning().getFirst().returnsOn()).isEqualTo(TestClock.today());

        var counted = JdbcStatementCounter.count(() -> SystemAuthentication.call(() -> jobs.runAndWait(JOB)));
        assertThat(counted.result().orElseThrow().outcome()).isEqualTo(JobOutcome.SUCCEEDED);

        assertThat(ownerOf(due)).isNull();
        assertThat(ownerOf(almost)).isEqualTo(ida.id());
        assertThat(ownerOf(warned)).isEqualTo(ida.id());
        assertThat(ownerOf(fresh)).isEqualTo(ida.id());
        assertThat(as("admin", () -> leads.history(due))).filteredOn(e -> e.kind().equals("RETURNED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.before()).isEqualTo(String.valueOf(ida.id()));
                    assertThat(e.after()).isNull();
                    assertThat(e.detail()).isEqualTo("7");
                    assertThat(e.actor()).isEqualTo("system");
                });
        assertThat(jdbc.queryForList("SELECT id FROM admission_lead WHERE return_warned_at IS NOT NULL"
                + " AND id IN (?, ?, ?)", Long.class, almost, warned, fresh)).containsExactlyInAnyOrder(almost, warned);
        var mail = jdbc.queryForList("SELECT subject, body_text FROM mail_outbox WHERE recipient = ? AND kind = ?",
                ida.username() + "@example.org", "POOL_WARNING");
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(m.get("subject")).isEqualTo("2 of your leads go back to the pool soon");
            assertThat((String) m.get("body_text")).contains("A second short", "Five days quiet", campus.name(),
                    "After 7 quiet days").doesNotContain("Not yet warned", "Seven days quiet");
        });
        // the batches, not the leads, make the statements: a handful per campus whatever their number
        var campuses = SystemAuthentication.call(() -> institution.campuses()).size();
        assertThat(counted.count()).isLessThan(40 + 8 * campuses);

        // a second run returns no more and warns nobody again
        SystemAuthentication.call(() -> jobs.runAndWait(JOB));
        assertThat(ownerOf(almost)).isEqualTo(ida.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind = ?",
                Integer.class, ida.username() + "@example.org", "POOL_WARNING")).isOne();
        // Ida had the lead returned from her: she waits the cool-down too
        assertThatThrownBy(() -> as(ida.username(), () -> pool.claim(due)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lead.pool.error.cooldown"));
    }

    @Test
    void a_follow_up_keeps_a_quiet_lead_from_going_back_and_a_campus_that_never_returns_keeps_its_leads() throws Exception {
        set(PoolSettings.RETURN_DAYS, "3");
        var jo = user("Jo");
        var kept = owned(jo, "Followed up", clock.instant().minus(Duration.ofDays(10)));
        var lead = as(jo.username(), () -> leads.get(kept));
        as(jo.username(), () -> leads.logFollowUp(kept, lead.version(), new FollowUpDraft(FollowUpKind.CALL,
                "Called the mother", NextAction.CALL, TestClock.today().plusDays(1), null)));
        SystemAuthentication.call(() -> jobs.runAndWait(JOB));
        assertThat(ownerOf(kept)).isEqualTo(jo.id());

        set(PoolSettings.RETURN_DAYS, "0");
        var old = owned(jo, "Long quiet", clock.instant().minus(Duration.ofDays(300)));
        SystemAuthentication.call(() -> jobs.runAndWait(JOB));
        assertThat(ownerOf(old)).isEqualTo(jo.id());
    }

    @Test
    void an_admissions_user_does_not_take_or_release_a_colleagues_lead_and_another_campus_lead_is_not_found() {
        var kim = user("Kim");
        var lou = user("Lou");
        var kims = as(kim.username(), () -> pool.claim(pooled("Kim's child").id()));
        assertThatThrownBy(() -> as(lou.username(), () -> leads.assign(kims.id(), kims.version(), lou.id())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("lead.pool.error.colleagues");
                    assertThat(e.arguments()).containsExactly("Kim's child", "Kim");
                });
        assertThatThrownBy(() -> as(lou.username(), () -> pool.release(kims.id(), kims.version())))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> as(lou.username(), () -> pool.claim(kims.id())))
                .isInstanceOfSatisfying(LeadTakenException.class, e -> assertThat(e.ownerName()).isEqualTo("Kim"));
        // an administrator reassigns it
        assertThat(as("admin", () -> leads.assign(kims.id(), kims.version(), lou.id())).ownerId()).isEqualTo(lou.id());

        var elsewhere = SystemAuthentication.call(() -> institution.createCampus(new CampusDraft(
                SchedulingFixtures.unique("Zz other campus"), "2 Test Road", "+65 6000 0001", true)));
        var theirs = as("admin", () -> leads.create(LeadDraft.of(elsewhere.id(), "Far child", "Parent", null,
                SchedulingFixtures.unique("far").toLowerCase(Locale.ROOT) + "@example.org", phoneSource), true));
        assertThatThrownBy(() -> as(kim.username(), () -> pool.claim(theirs.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("teacher", () -> pool.claim(theirs.id()))).isInstanceOf(
                org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as(kim.username(), () -> pool.team(campus.id()))).isInstanceOf(
                org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void days_away_need_both_ends_in_order_and_a_user_sets_only_their_own() {
        var max = user("Max");
        var ned = user("Ned");
        assertThatThrownBy(() -> as(max.username(), () -> {
            pool.setAway(max.id(), 0, TestClock.today(), null);
            return null;
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("awayUntil"));
        assertThatThrownBy(() -> as(max.username(), () -> {
            pool.setAway(max.id(), 0, TestClock.today(), TestClock.today().minusDays(1));
            return null;
        })).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("lead.away.error.order"));
        assertThatThrownBy(() -> as(max.username(), () -> {
            pool.setAway(ned.id(), 0, TestClock.today(), TestClock.today());
            return null;
        })).isInstanceOf(NotFoundException.class);
        as(max.username(), () -> {
            pool.setAway(max.id(), 0, TestClock.today(), TestClock.today().plusDays(6));
            return null;
        });
        var mine = as(max.username(), () -> pool.mine());
        assertThat(mine.awayToday()).isTrue();
        assertThat(mine.awayUntil()).isEqualTo(TestClock.today().plusDays(6));
        var team = as("admin", () -> pool.team(campus.id()));
        assertThat(team).extracting(LeadPoolService.TeamMember::displayName).contains("Max", "Ned");
        assertThat(team).filteredOn(m -> m.userId() == max.id()).singleElement()
                .satisfies(m -> assertThat(m.awayToday()).isTrue());
    }

    @Test
    void the_demo_has_leads_returned_to_both_pools_owners_warned_and_converted_students() {
        var orchard = new SchedulingFixtures(context).campus("Orchard");
        var tampines = new SchedulingFixtures(context).campus("Tampines");
        for (var demo : List.of(orchard, tampines)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_event e JOIN admission_lead l ON l.id = e.lead_id"
                    + " WHERE e.kind = 'RETURNED' AND e.actor = 'system' AND l.campus_id = ?", Integer.class,
                    demo.id())).as("returned at " + demo.name()).isPositive();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_conversion c JOIN student s"
                    + " ON s.id = c.student_id WHERE c.campus_id = ? AND c.enrollment_id IS NOT NULL", Integer.class,
                    demo.id())).as("converted at " + demo.name()).isPositive();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM admission_lead WHERE return_warned_at IS NOT NULL"
                + " AND owner_id IS NOT NULL", Integer.class)).isPositive();
        assertThat(SystemAuthentication.call(() -> pool.rules(tampines.id())).newLeads()).isEqualTo(LeadRouting.POOL);
    }

    // --- helpers

    private record User(long id, String username) {
    }

    private User user(String name) {
        String username = SchedulingFixtures.unique("pool").toLowerCase(Locale.ROOT);
        var account = SystemAuthentication.call(() -> users.create(new UserDraft(username, name, username
                + "@example.org", Set.of(Role.ADMISSIONS), Set.of(campus.id()), null), "a long enough password"));
        return new User(account.id(), username);
    }

    private void set(io.campuscrm.shared.settings.Setting<?> setting, String value) {
        var state = SystemAuthentication.call(() -> settings.all()).stream()
                .filter(s -> s.setting().key().equals(setting.key())).findFirst().orElseThrow();
        long version = state.campuses().stream().filter(v -> java.util.Objects.equals(v.campusId(), campus.id()) && v.overridden()).findFirst()
                .map(SettingValue::version).orElse(SettingValue.NEW);
        SystemAuthentication.call(() -> settings.change(setting.key(), campus.id(), version, value));
    }

    /** Who each of {@code n} new leads entered by an administrator went to, in order. */
    private List<Long> owners(int n) {
        List<Long> owners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            owners.add(pooledOwner());
        }
        return owners;
    }

    private Long pooledOwner() {
        return pooled("Child " + SchedulingFixtures.unique("c")).ownerId();
    }

    private Lead pooled(String child) {
        return as("admin", () -> leads.create(LeadDraft.of(campus.id(), child, "Parent", null,
                SchedulingFixtures.unique("lead").toLowerCase(Locale.ROOT) + "@example.org", phoneSource), true));
    }

    private long lastLead() {
        return jdbc.queryForObject("SELECT MAX(id) FROM admission_lead WHERE campus_id = ?", Long.class, campus.id());
    }

    /** A lead the user owns, quiet since then. */
    private long owned(User user, String child, Instant quietSince) {
        var lead = as(user.username(), () -> pool.claim(pooled(child).id()));
        jdbc.update("UPDATE admission_lead SET quiet_since = ? WHERE id = ?", UtcDateTime.of(quietSince), lead.id());
        return lead.id();
    }

    private Long ownerOf(long lead) {
        return jdbc.queryForObject("SELECT owner_id FROM admission_lead WHERE id = ?", Long.class, lead);
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }
}
