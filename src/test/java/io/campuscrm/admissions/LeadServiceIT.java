package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.FamilyDraft;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;
import io.campuscrm.support.SignedIn;

/**
 * Leads at the service layer: entered by admissions they are New and theirs; a phone or e-mail the school knows
 * (another lead, a guardian) is refused with the matches until entered anyway; the stage rules; a follow-up sets the
 * next action or closes the lead; admissions users reach only their campuses' leads, teachers none.
 */
@CampusIntegrationTest
class LeadServiceIT {

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

    private Campus orchard;
    private Campus tampines;
    private String orchardAdmissions;
    private String tampinesAdmissions;
    private long phoneSource;

    @BeforeEach
    void campusesAndPeople() {
        var scheduling = new SchedulingFixtures(context);
        orchard = scheduling.campus("Orchard");
        tampines = scheduling.campus("Tampines");
        orchardAdmissions = admissionsUser(orchard);
        tampinesAdmissions = admissionsUser(tampines);
        phoneSource = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.phone'",
                Long.class);
    }

    @Test
    void a_lead_entered_by_admissions_is_new_owned_by_them_with_a_normalised_phone_and_its_history() {
        String phone = localPhone();
        var lead = as(orchardAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), " Tan Xiao Ming ", "Tan Mei",
                phone, " Mei.Tan@Example.org ", phoneSource), false));

        assertThat(lead.stage()).isEqualTo(LeadStage.NEW);
        assertThat(lead.childName()).isEqualTo("Tan Xiao Ming");
        assertThat(lead.phone()).isEqualTo("+65" + phone.replace(" ", ""));
        assertThat(lead.email()).isEqualTo("mei.tan@example.org");
        assertThat(lead.ownerId()).isEqualTo(userId(orchardAdmissions));
        assertThat(lead.withoutNextStep()).isTrue();
        assertThat(as(orchardAdmissions, () -> leads.history(lead.id()))).extracting(LeadEvent::kind)
                .containsExactly("CREATED");
    }

    @Test
    void a_lead_without_a_phone_or_an_e_mail_is_refused_on_the_phone_field() {
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), "Lim Ah Boy",
                null, " ", null, phoneSource), false))).isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("phone");
                    assertThat(e.messageKey()).isEqualTo("lead.error.contact-required");
                });
    }

    @Test
    void a_phone_another_lead_has_is_refused_with_that_lead_and_saved_when_entered_anyway() {
        String phone = localPhone();
        var first = as(orchardAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), "Ong Jia Le", "Ong Li",
                phone, null, phoneSource), false));

        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), "Ong Jia Le",
                "Ong Li", "+65 " + phone, null, phoneSource), false)))
                .isInstanceOfSatisfying(PossibleDuplicateLeadException.class, e -> assertThat(e.matches())
                        .singleElement().satisfies(m -> {
                            assertThat(m.kind()).isEqualTo(LeadMatch.Kind.LEAD);
                            assertThat(m.id()).isEqualTo(first.id());
                            assertThat(m.reason()).isEqualTo(LeadMatch.Reason.PHONE);
                        }));
        long before = count();

        var second = as(orchardAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), "Ong Jia Hui", "Ong Li",
                phone, null, phoneSource), true));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void a_guardians_e_mail_is_a_match_naming_the_family_so_that_a_sibling_can_be_linked() {
        String email = "sibling-" + RANDOM.nextInt(1_000_000) + "@example.org";
        long student = new AlertFixtures(context).studentWithGuardians(orchard, FamilyDraft.unnamed(),
                new GuardianDraft("Goh Hui Min", GuardianRelationship.MOTHER, null, email, null, true));

        var matches = as(orchardAdmissions, () -> leads.matches(LeadDraft.of(orchard.id(), "Goh Wei", "Goh Hui Min",
                null, email.toUpperCase(java.util.Locale.ROOT), phoneSource)));

        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(LeadMatch.Kind.GUARDIAN);
            assertThat(m.reason()).isEqualTo(LeadMatch.Reason.EMAIL);
            assertThat(m.familyId()).isEqualTo(jdbc.queryForObject("SELECT family_id FROM student WHERE id = ?",
                    Long.class, student));
        });
    }

    @Test
    void enrolled_is_reached_only_by_conversion_lost_needs_a_reason_and_a_lost_lead_can_be_reopened() {
        var lead = newLead();
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.changeStage(lead.id(), lead.version(),
                LeadStage.ENROLLED, null))).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lead.error.enrolled-by-conversion"));
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.changeStage(lead.id(), lead.version(),
                LeadStage.LOST, null))).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.field()).isEqualTo("lostReasonId"));

        var contacted = as(orchardAdmissions, () -> leads.changeStage(lead.id(), lead.version(), LeadStage.CONTACTED,
                null));
        assertThat(contacted.firstContactAt()).isNotNull();
        var lost = as(orchardAdmissions, () -> leads.changeStage(lead.id(), contacted.version(), LeadStage.LOST,
                lostReason()));
        assertThat(lost.lostReasonId()).isEqualTo(lostReason());
        var reopened = as(orchardAdmissions, () -> leads.changeStage(lead.id(), lost.version(), LeadStage.CONTACTED,
                null));

        assertThat(reopened.stage()).isEqualTo(LeadStage.CONTACTED);
        assertThat(reopened.lostReasonId()).isNull();
        assertThat(as(orchardAdmissions, () -> leads.history(lead.id()))).extracting(LeadEvent::after)
                .containsExactly("CONTACTED", "LOST", "CONTACTED", "NEW");
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.changeStage(lead.id(), lead.version(),
                LeadStage.TRIAL_BOOKED, null))).as("an old version").isInstanceOf(StaleEditException.class);
    }

    @Test
    void a_follow_up_sets_the_next_action_or_closes_the_lead_and_one_with_neither_is_refused() {
        var lead = newLead();
        var today = TestClock.today();
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.logFollowUp(lead.id(), lead.version(),
                new FollowUpDraft(FollowUpKind.CALL, "No answer", null, null, null))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("nextActionOn");
                    assertThat(e.messageKey()).isEqualTo("lead.error.next-action-required");
                });
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.logFollowUp(lead.id(), lead.version(),
                new FollowUpDraft(FollowUpKind.CALL, "Call back", NextAction.CALL, today.minusDays(1), null))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lead.error.next-action-past"));

        var called = as(orchardAdmissions, () -> leads.logFollowUp(lead.id(), lead.version(), new FollowUpDraft(
                FollowUpKind.CALL, "Mother asks for a trial on Saturday", NextAction.TRIAL, today.plusDays(2),
                null)));
        assertThat(called.stage()).as("a call about a new lead").isEqualTo(LeadStage.CONTACTED);
        assertThat(called.nextAction()).isEqualTo(NextAction.TRIAL);
        assertThat(called.nextActionOn()).isEqualTo(today.plusDays(2));
        assertThat(called.firstContactAt()).isNotNull();
        assertThat(called.withoutNextStep()).isFalse();

        var closed = as(orchardAdmissions, () -> leads.logFollowUp(lead.id(), called.version(), new FollowUpDraft(
                FollowUpKind.MESSAGE, "They chose a school nearer home", null, null, lostReason())));
        assertThat(closed.stage()).isEqualTo(LeadStage.LOST);
        assertThat(closed.nextActionOn()).isNull();
        assertThat(as(orchardAdmissions, () -> leads.followUps(lead.id()))).extracting(FollowUp::kind)
                .containsExactly(FollowUpKind.MESSAGE, FollowUpKind.CALL);
    }

    @Test
    void admissions_reach_only_their_campuses_leads_and_teachers_none() {
        var lead = newLead();

        assertThatThrownBy(() -> as(tampinesAdmissions, () -> leads.get(lead.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(tampinesAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), "Chua Boon",
                null, localPhone(), null, phoneSource), true))).isInstanceOf(NotFoundException.class);
        assertThat(as(tampinesAdmissions, () -> leads.find(LeadService.LeadFilter.all(), PageRequest.of(0, 50))))
                .extracting(Lead::campusId).doesNotContain(orchard.id());
        assertThat(as("admin", () -> leads.get(lead.id())).id()).isEqualTo(lead.id());
        assertThatThrownBy(() -> as("teacher", () -> leads.get(lead.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("finance", () -> leads.find(LeadService.LeadFilter.all(), PageRequest.of(0, 5))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_lead_is_given_to_an_admissions_colleague_of_its_campus_or_to_the_pool_and_never_to_another() {
        var lead = newLead();
        long teacher = new SchedulingFixtures(context).teacher("Teacher Lee", orchard);
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.assign(lead.id(), lead.version(), teacher)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("ownerId"));
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.assign(lead.id(), lead.version(),
                userId(tampinesAdmissions)))).isInstanceOf(DomainException.class);

        var pooled = as(orchardAdmissions, () -> leads.assign(lead.id(), lead.version(), null));
        assertThat(pooled.ownerId()).isNull();
        assertThat(as(orchardAdmissions, () -> leads.find(new LeadService.LeadFilter(orchard.id(), null, null, true,
                false, false), PageRequest.of(0, 200)))).extracting(Lead::id).contains(lead.id());
        var colleague = admissionsUser(orchard);
        var given = as(orchardAdmissions, () -> leads.assign(lead.id(), pooled.version(), userId(colleague)));
        assertThat(given.ownerId()).isEqualTo(userId(colleague));
        assertThat(as(orchardAdmissions, () -> leads.history(lead.id()))).extracting(LeadEvent::kind)
                .containsExactly("OWNER", "RELEASED", "CREATED");
    }

    @Test
    void the_list_finds_a_lead_by_a_phone_as_typed_an_e_mail_or_a_part_of_a_name_and_by_source() {
        String phone = localPhone();
        String tag = "Quek" + RANDOM.nextInt(1_000_000);
        var lead = as(orchardAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), tag + " Jia Ying",
                "Mdm " + tag, phone, tag.toLowerCase(java.util.Locale.ROOT) + "@example.org", phoneSource), true));
        long walkIn = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.walk-in'",
                Long.class);

        for (String text : List.of(phone, "+65" + phone.replace(" ", ""), tag.toUpperCase(java.util.Locale.ROOT)
                + "@EXAMPLE.ORG", tag.substring(0, 6), "mdm " + tag.toLowerCase(java.util.Locale.ROOT))) {
            assertThat(as(orchardAdmissions, () -> leads.find(filter(null, text), PageRequest.of(0, 20))))
                    .as(text).extracting(Lead::id).containsExactly(lead.id());
        }
        assertThat(as(orchardAdmissions, () -> leads.find(filter(walkIn, tag), PageRequest.of(0, 20)))).isEmpty();
        assertThat(as(orchardAdmissions, () -> leads.find(filter(null, "100%_" + tag), PageRequest.of(0, 20))))
                .as("% and _ are letters").isEmpty();
    }

    private static LeadService.LeadFilter filter(Long sourceId, String text) {
        return new LeadService.LeadFilter(null, null, null, false, false, false, sourceId, text);
    }

    private Lead newLead() {
        return as(orchardAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), "Pupil " + RANDOM.nextInt(99999),
                "Parent", localPhone(), null, phoneSource), true));
    }

    private long lostReason() {
        return jdbc.queryForObject("SELECT id FROM lead_lost_reason WHERE label_key = 'lead.lost.price'", Long.class);
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM admission_lead", Long.class);
    }

    /** A Singapore mobile number no other test uses, as staff type it ("9123 4567"). */
    private static String localPhone() {
        int number = 10_000_000 * 9 + 1_000_000 * (1 + RANDOM.nextInt(7)) + RANDOM.nextInt(1_000_000);
        String digits = String.valueOf(number);
        return digits.substring(0, 4) + " " + digits.substring(4);
    }

    private String admissionsUser(Campus campus) {
        String username = SchedulingFixtures.unique("adm").toLowerCase(java.util.Locale.ROOT);
        SystemAuthentication.call(() -> users.create(UserDraft.of(username, "Admissions " + username,
                username + "@example.org", Set.of(Role.ADMISSIONS), Set.of(campus.id())), "a long enough password"));
        return username;
    }

    private long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }
}
