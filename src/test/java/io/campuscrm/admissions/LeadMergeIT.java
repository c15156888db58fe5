package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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

import io.campuscrm.attendance.AlertFixtures;
import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.FamilyDraft;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.SignedIn;
import io.campuscrm.support.TestClock;

/**
 * Duplicates resolved: two leads of one inquiry are merged, the older surviving with what it lacked from the other
 * and the other's follow-ups and history shown on it as merged; an administrator undoes the merge exactly (a later
 * change stays); a sibling of a known family is entered and linked to it, not refused; another campus's lead cannot
 * be merged.
 */
@CampusIntegrationTest
class LeadMergeIT {

    private static final Random RANDOM = new Random();

    @Autowired
    ApplicationContext context;
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

    private Campus orchard;
    private Campus tampines;
    private String orchardAdmissions;
    private long phoneSource;
    private long websiteSource;

    @BeforeEach
    void campusesAndPeople() {
        var scheduling = new SchedulingFixtures(context);
        orchard = scheduling.campus("Orchard");
        tampines = scheduling.campus("Tampines");
        orchardAdmissions = admissionsUser(orchard);
        phoneSource = source("lead.source.phone");
        websiteSource = source("lead.source.website");
    }

    @Test
    void the_older_lead_survives_with_what_it_lacked_and_the_others_follow_ups_and_history_as_merged() {
        String phone = phone();
        var older = SystemAuthentication.call(() -> leads.create(LeadDraft.of(orchard.id(), "Chua Min", null, phone,
                null, websiteSource), true));
        clock.advance(Duration.ofMinutes(30));
        var newer = as(orchardAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), "Chua Min", "Chua Pei",
                phone, "pei.chua" + RANDOM.nextInt(99999) + "@example.org", phoneSource), true));
        var contacted = as(orchardAdmissions, () -> leads.logFollowUp(newer.id(), newer.version(),
                new FollowUpDraft(FollowUpKind.CALL, "Wants Saturday art", NextAction.CALL, TestClock.today()
                        .plusDays(2), null)));
        assertThat(as(orchardAdmissions, () -> leads.matchesOf(older.id()))).extracting(LeadMatch::id)
                .contains(newer.id());

        var survivor = as(orchardAdmissions, () -> leads.merge(contacted.id(), contacted.version(), older.id(),
                older.version()));

        assertThat(survivor.id()).as("the older one").isEqualTo(older.id());
        assertThat(survivor.guardianName()).isEqualTo("Chua Pei");
        assertThat(survivor.email()).isEqualTo(newer.email());
        assertThat(survivor.ownerId()).as("the other's owner, as it had none").isEqualTo(contacted.ownerId());
        assertThat(survivor.nextActionOn()).isEqualTo(TestClock.today().plusDays(2));
        assertThat(survivor.sourceId()).as("keeps its own source").isEqualTo(websiteSource);
        assertThat(as(orchardAdmissions, () -> leads.followUps(older.id()))).extracting(FollowUp::leadId)
                .containsExactly(newer.id());
        assertThat(as(orchardAdmissions, () -> leads.history(older.id()))).extracting(LeadEvent::kind)
                .contains("MERGED", "MERGED_INTO", "FOLLOW_UP", "CREATED");
        assertThat(as(orchardAdmissions, () -> leads.get(newer.id())).mergedIntoId()).isEqualTo(older.id());
        assertThat(as(orchardAdmissions, () -> leads.mergedInto(older.id()))).extracting(Lead::id)
                .containsExactly(newer.id());
        assertThat(as(orchardAdmissions, () -> leads.find(new LeadService.LeadFilter(null, null, null, false, false,
                false, null, phone), PageRequest.of(0, 10)))).extracting(Lead::id).containsExactly(older.id());
        assertThat(as(orchardAdmissions, () -> leads.matchesOf(older.id()))).extracting(LeadMatch::kind)
                .doesNotContain(LeadMatch.Kind.LEAD);
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.undoMerge(newer.id())))
                .as("undo is an administrator's").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_administrator_undoes_a_merge_exactly_and_a_later_change_stays() {
        String phone = phone();
        var older = SystemAuthentication.call(() -> leads.create(LeadDraft.of(orchard.id(), "Yap Le", null, phone,
                null, websiteSource), true));
        clock.advance(Duration.ofMinutes(5));
        var newer = as(orchardAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), "Yap Le", "Yap Hong", phone,
                null, phoneSource), true));
        var survivor = SystemAuthentication.call(() -> leads.merge(older.id(), older.version(), newer.id(),
                newer.version()));
        assertThat(survivor.ownerId()).isNotNull();
        var released = SystemAuthentication.call(() -> leads.assign(survivor.id(), survivor.version(), null));
        assertThat(released.ownerId()).isNull();

        var back = SystemAuthentication.call(() -> leads.undoMerge(newer.id()));

        assertThat(back.mergedIntoId()).isNull();
        var undone = SystemAuthentication.call(() -> leads.get(older.id()));
        assertThat(undone.guardianName()).as("filled by the merge: taken back").isNull();
        assertThat(undone.ownerId()).as("released since: stays released").isNull();
        assertThat(SystemAuthentication.call(() -> leads.followUps(older.id()))).isEmpty();
        assertThat(SystemAuthentication.call(() -> leads.mergedInto(older.id()))).isEmpty();
        assertThat(SystemAuthentication.call(() -> leads.history(newer.id()))).extracting(LeadEvent::kind)
                .startsWith("UNMERGED");
        assertThatThrownBy(() -> SystemAuthentication.call(() -> leads.undoMerge(newer.id())))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lead.error.not-merged"));
    }

    @Test
    void a_sibling_of_a_known_family_is_entered_and_linked_to_it_not_refused() {
        String email = "family-" + RANDOM.nextInt(1_000_000) + "@example.org";
        long student = new AlertFixtures(context).studentWithGuardians(orchard, FamilyDraft.unnamed(),
                new GuardianDraft("Lau Mei", GuardianRelationship.MOTHER, null, email, null, true));
        long family = jdbc.queryForObject("SELECT family_id FROM student WHERE id = ?", Long.class, student);
        var draft = LeadDraft.of(orchard.id(), "Lau Jia", "Lau Mei", null, email, phoneSource);
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.create(draft, false)))
                .isInstanceOf(PossibleDuplicateLeadException.class);
        var sibling = as(orchardAdmissions, () -> leads.create(draft, true));

        var match = as(orchardAdmissions, () -> leads.matchesOf(sibling.id())).stream()
                .filter(m -> m.kind() == LeadMatch.Kind.GUARDIAN).findFirst().orElseThrow();
        assertThat(match.familyId()).isEqualTo(family);
        var linked = as(orchardAdmissions, () -> leads.linkFamily(sibling.id(), sibling.version(), family));

        assertThat(linked.familyId()).isEqualTo(family);
        assertThat(as(orchardAdmissions, () -> leads.history(sibling.id()))).first().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("FAMILY");
            assertThat(e.after()).isEqualTo(String.valueOf(family));
        });
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.linkFamily(linked.id(), linked.version(),
                Long.MAX_VALUE))).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.field()).isEqualTo("familyId"));
    }

    @Test
    void a_lead_of_another_campus_cannot_be_merged_and_enrolled_or_self_merges_are_refused() {
        String phone = phone();
        var mine = as(orchardAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), "Foo Ian", null, phone, null,
                phoneSource), true));
        var theirs = SystemAuthentication.call(() -> leads.create(LeadDraft.of(tampines.id(), "Foo Ian", null, phone,
                null, phoneSource), true));
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.merge(mine.id(), mine.version(), theirs.id(),
                theirs.version()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.merge(mine.id(), mine.version(), mine.id(),
                mine.version()))).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lead.error.merge-self"));
    }

    private long source(String key) {
        return jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = ?", Long.class, key);
    }

    private static String phone() {
        return String.valueOf(90_000_000 + 1_000_000 * (1 + RANDOM.nextInt(7)) + RANDOM.nextInt(1_000_000));
    }

    private String admissionsUser(Campus campus) {
        String username = SchedulingFixtures.unique("adm").toLowerCase(java.util.Locale.ROOT);
        SystemAuthentication.call(() -> users.create(UserDraft.of(username, "Admissions " + username,
                username + "@example.org", Set.of(Role.ADMISSIONS), Set.of(campus.id())), "a long enough password"));
        return username;
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }
}
