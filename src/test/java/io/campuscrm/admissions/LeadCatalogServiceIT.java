package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.security.AuditFilter;
import io.campuscrm.security.AuditLogService;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.SignedIn;
import io.campuscrm.support.TestClock;

/**
 * The admissions settings at the service layer: a school's own source is added once whatever its case; a deactivated
 * one is no longer offered but the leads that have it keep it; entries move up and down, an old version is a stale
 * edit; built-in entries keep their names; a campaign's name, period and cost are checked, each on its field, and
 * it is offered on the days it runs; a new lead's campaign and referring family must exist; administrators change
 * the settings, admissions users only read them. The tests add entries of their own and leave the built-in ones as
 * they are (the tests share one database).
 */
@CampusIntegrationTest
class LeadCatalogServiceIT {

    private static final Random RANDOM = new Random();

    @Autowired
    ApplicationContext context;
    @Autowired
    LeadCatalogService catalog;
    @Autowired
    LeadService leads;
    @Autowired
    UserService users;
    @Autowired
    AuditLogService auditLog;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcTemplate jdbc;

    private Campus campus;
    private String admissions;
    private long adSource;

    @BeforeEach
    void campusAndPeople() {
        campus = new SchedulingFixtures(context).campus("Orchard");
        admissions = SchedulingFixtures.unique("adm").toLowerCase(Locale.ROOT);
        SystemAuthentication.call(() -> users.create(UserDraft.of(admissions, "Admissions " + admissions,
                admissions + "@example.org", Set.of(Role.ADMISSIONS), Set.of(campus.id())), "a long enough password"));
        adSource = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.ad'", Long.class);
    }

    @Test
    void a_schools_own_source_is_added_at_the_end_once_whatever_its_case_and_never_blank() {
        String name = unique("Newspaper");

        var added = asAdmin(() -> catalog.add(LeadList.SOURCES, "  " + name + " "));

        assertThat(added.name()).isEqualTo(name);
        assertThat(added.builtIn()).isFalse();
        assertThat(added.active()).isTrue();
        assertThat(asAdmin(() -> catalog.entries(LeadList.SOURCES))).last().isEqualTo(added);
        assertThat(as(admissions, () -> leads.sources())).extracting(LeadChoice::name).contains(name);
        assertRefused(() -> asAdmin(() -> catalog.add(LeadList.SOURCES, name.toUpperCase(Locale.ROOT))), "name",
                "lead.settings.error.duplicate");
        assertRefused(() -> asAdmin(() -> catalog.add(LeadList.SOURCES, "   ")), "name",
                "lead.settings.error.name-required");
        assertThat(asAdmin(() -> auditLog.search(new AuditFilter(null, "LeadSource", String.valueOf(added.id()), null,
                null, null), PageRequest.of(0, 5)).getContent())).singleElement()
                .satisfies(entry -> assertThat(entry.summary()).isEqualTo("Added " + name + " to the lead sources"));
    }

    @Test
    void a_deactivated_source_is_no_longer_offered_but_a_lead_that_came_from_it_keeps_it() {
        var source = asAdmin(() -> catalog.add(LeadList.SOURCES, unique("Flyer")));
        var lead = as(admissions, () -> leads.create(LeadDraft.of(campus.id(), "Pupil " + RANDOM.nextInt(99999),
                "Parent", phone(), null, source.id()), true));

        var deactivated = asAdmin(() -> catalog.setActive(LeadList.SOURCES, source.id(), source.version(), false));

        assertThat(deactivated.active()).isFalse();
        assertThat(as(admissions, () -> leads.sources())).extracting(LeadChoice::id).doesNotContain(source.id());
        assertThat(as(admissions, () -> catalog.entries(LeadList.SOURCES))).as("listed, to label the leads")
                .contains(deactivated);
        assertThat(as(admissions, () -> leads.get(lead.id())).sourceId()).isEqualTo(source.id());
        assertRefused(() -> as(admissions, () -> leads.create(LeadDraft.of(campus.id(), "Another pupil", null,
                phone(), null, source.id()), true)), "sourceId", "lead.error.source");

        asAdmin(() -> catalog.setActive(LeadList.SOURCES, source.id(), deactivated.version(), true));
        assertThat(as(admissions, () -> leads.sources())).extracting(LeadChoice::id).contains(source.id());
    }

    @Test
    void a_deactivated_lost_reason_is_no_longer_offered_to_close_a_lead() {
        var reason = asAdmin(() -> catalog.add(LeadList.LOST_REASONS, unique("Moved abroad")));
        assertThat(as(admissions, () -> leads.lostReasons())).extracting(LeadChoice::id).contains(reason.id());

        asAdmin(() -> catalog.setActive(LeadList.LOST_REASONS, reason.id(), reason.version(), false));

        assertThat(as(admissions, () -> leads.lostReasons())).extracting(LeadChoice::id).doesNotContain(reason.id());
    }

    @Test
    void an_entry_moves_up_and_down_the_list_and_an_old_version_is_a_stale_edit() {
        var first = asAdmin(() -> catalog.add(LeadList.SOURCES, unique("Radio")));
        var second = asAdmin(() -> catalog.add(LeadList.SOURCES, unique("Magazine")));

        var moved = asAdmin(() -> catalog.move(LeadList.SOURCES, second.id(), second.version(), true));

        assertThat(moved).extracting(LeadListEntry::id).containsSubsequence(second.id(), first.id());
        assertThat(as(admissions, () -> leads.sources())).extracting(LeadChoice::id)
                .containsSubsequence(second.id(), first.id());
        assertThatThrownBy(() -> asAdmin(() -> catalog.move(LeadList.SOURCES, first.id(), first.version(), true)))
                .as("the other entry changed places too").isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> asAdmin(() -> catalog.rename(LeadList.SOURCES, second.id(), second.version(),
                unique("Radio ad")))).isInstanceOf(StaleEditException.class);

        var back = asAdmin(() -> catalog.move(LeadList.SOURCES, second.id(), second.version() + 1, false));
        assertThat(back).extracting(LeadListEntry::id).containsSubsequence(first.id(), second.id());
        var again = asAdmin(() -> catalog.move(LeadList.SOURCES, second.id(), second.version() + 2, false));
        assertThat(again.getLast()).as("the last one moved down stays where it is").isEqualTo(back.getLast())
                .extracting(LeadListEntry::id).isEqualTo(second.id());
    }

    @Test
    void a_schools_own_entry_is_renamed_and_a_built_in_one_keeps_its_name() {
        var own = asAdmin(() -> catalog.add(LeadList.SOURCES, unique("Poster")));
        String name = unique("Bus stop poster");

        var renamed = asAdmin(() -> catalog.rename(LeadList.SOURCES, own.id(), own.version(), name));

        assertThat(renamed.name()).isEqualTo(name);
        assertThat(renamed.version()).isEqualTo(own.version() + 1);
        var builtIn = asAdmin(() -> catalog.entries(LeadList.SOURCES)).stream().filter(LeadListEntry::builtIn)
                .findFirst().orElseThrow();
        assertRefused(() -> asAdmin(() -> catalog.rename(LeadList.SOURCES, builtIn.id(), builtIn.version(),
                unique("Walk-ins"))), "name", "lead.settings.error.built-in");
    }

    @Test
    void a_campaign_with_a_negative_cost_a_period_ending_before_it_starts_or_a_taken_name_is_refused_on_the_field() {
        var today = TestClock.today();
        String name = unique("Open day");
        assertRefused(() -> asAdmin(() -> catalog.createCampaign(new CampaignDraft(name, adSource, today,
                today.plusDays(7), new BigDecimal("-1.00")))), "cost", "lead.campaign.error.cost");
        assertRefused(() -> asAdmin(() -> catalog.createCampaign(new CampaignDraft(name, adSource, today,
                today.plusDays(7), new BigDecimal("10.005")))), "cost", "lead.campaign.error.cost");
        assertRefused(() -> asAdmin(() -> catalog.createCampaign(new CampaignDraft(name, adSource, today,
                today.minusDays(1), BigDecimal.TEN))), "endsOn", "lead.campaign.error.period");
        assertRefused(() -> asAdmin(() -> catalog.createCampaign(new CampaignDraft(" ", adSource, today, today,
                BigDecimal.TEN))), "name", "lead.campaign.error.name-required");
        assertRefused(() -> asAdmin(() -> catalog.createCampaign(new CampaignDraft(name, -1, today, today,
                BigDecimal.TEN))), "sourceId", "lead.campaign.error.source");

        asAdmin(() -> catalog.createCampaign(new CampaignDraft(name, adSource, today, today, BigDecimal.TEN)));

        assertRefused(() -> asAdmin(() -> catalog.createCampaign(new CampaignDraft(name.toLowerCase(Locale.ROOT),
                adSource, today, today, BigDecimal.TEN))), "name", "lead.campaign.error.duplicate");
    }

    @Test
    void a_campaign_keeps_its_cost_in_cents_and_is_offered_on_the_days_it_runs_for_its_source() {
        var today = TestClock.today();
        long fair = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.fair'", Long.class);
        var campaign = asAdmin(() -> catalog.createCampaign(new CampaignDraft(unique("Library fair"), fair,
                today.minusDays(2), today.plusDays(2), new BigDecimal("1250.5"))));

        assertThat(campaign.cost()).isEqualByComparingTo("1250.50").hasScaleOf(2);
        assertThat(as(admissions, () -> catalog.campaignChoices(today, fair))).contains(campaign);
        assertThat(as(admissions, () -> catalog.campaignChoices(today, adSource))).doesNotContain(campaign);
        assertThat(as(admissions, () -> catalog.campaignChoices(today.plusDays(3), fair))).doesNotContain(campaign);
        assertThat(as(admissions, () -> catalog.campaigns(PageRequest.of(0, 500)))).contains(campaign);

        var edited = asAdmin(() -> catalog.updateCampaign(campaign.id(), campaign.version(), new CampaignDraft(
                campaign.name(), fair, today.minusDays(2), today.plusDays(5), new BigDecimal("1300"))));
        assertThat(edited.cost()).isEqualByComparingTo("1300.00");
        assertThat(as(admissions, () -> catalog.campaignChoices(today.plusDays(3), fair))).contains(edited);
        assertThatThrownBy(() -> asAdmin(() -> catalog.updateCampaign(campaign.id(), campaign.version(),
                campaign.toDraft()))).isInstanceOf(StaleEditException.class);
    }

    @Test
    void a_new_lead_names_a_campaign_and_a_referring_family_that_exist_and_is_refused_on_the_field_of_one_that_does_not() {
        var today = TestClock.today();
        var campaign = asAdmin(() -> catalog.createCampaign(new CampaignDraft(unique("Facebook"), adSource, today,
                today.plusDays(10), new BigDecimal("300.00"))));
        long referral = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.referral'",
                Long.class);
        long family = jdbc.queryForObject("SELECT MIN(id) FROM family", Long.class);
        long noFamily = jdbc.queryForObject("SELECT MAX(id) + 1000 FROM family", Long.class);
        long noCampaign = jdbc.queryForObject("SELECT MAX(id) + 1000 FROM lead_campaign", Long.class);

        var fromAd = as(admissions, () -> leads.create(draft(adSource, campaign.id(), null), true));
        var referred = as(admissions, () -> leads.create(draft(referral, null, family), true));

        assertThat(fromAd.campaignId()).isEqualTo(campaign.id());
        assertThat(referred.referringFamilyId()).isEqualTo(family);
        assertRefused(() -> as(admissions, () -> leads.create(draft(adSource, noCampaign, null), true)),
                "campaignId", "lead.campaign.error.unknown");
        assertRefused(() -> as(admissions, () -> leads.create(draft(referral, null, noFamily), true)),
                "referringFamilyId", "lead.campaign.error.referrer");
    }

    @Test
    void admissions_users_read_the_lists_and_campaigns_but_only_administrators_change_them() {
        var entry = asAdmin(() -> catalog.add(LeadList.SOURCES, unique("Roadshow")));
        var today = TestClock.today();

        assertThat(as(admissions, () -> catalog.entries(LeadList.LOST_REASONS))).isNotEmpty();
        assertThat(as(admissions, () -> catalog.campaignChoices(today, null))).isNotNull();
        assertThatThrownBy(() -> as(admissions, () -> catalog.add(LeadList.SOURCES, unique("Mine"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(admissions, () -> catalog.setActive(LeadList.SOURCES, entry.id(),
                entry.version(), false))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(admissions, () -> catalog.move(LeadList.SOURCES, entry.id(), entry.version(),
                true))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(admissions, () -> catalog.createCampaign(new CampaignDraft(unique("Mine"),
                adSource, today, today, BigDecimal.ONE)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("teacher", () -> catalog.entries(LeadList.SOURCES)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private LeadDraft draft(long sourceId, Long campaignId, Long referringFamilyId) {
        return new LeadDraft(campus.id(), "Pupil " + RANDOM.nextInt(99999), "Parent", phone(), null, null, null,
                null, sourceId, campaignId, referringFamilyId, null);
    }

    private static void assertRefused(Runnable call, String field, String messageKey) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(messageKey);
        });
    }

    private static String unique(String name) {
        return name + " " + RANDOM.nextInt(1_000_000);
    }

    /** A Singapore mobile number, as staff type it. */
    private static String phone() {
        return String.valueOf(90_000_000 + 1_000_000 * (1 + RANDOM.nextInt(7)) + RANDOM.nextInt(1_000_000));
    }

    private <T> T asAdmin(Supplier<T> work) {
        return as("admin", work);
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }
}
