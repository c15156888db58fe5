package io.campuscrm.demo;

import java.util.List;
import java.util.random.RandomGenerator;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.FollowUpDraft;
import io.campuscrm.admissions.FollowUpKind;
import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.NextAction;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;

/**
 * Leads for the admissions users to work on, through the lead service: in both campuses and every open stage, some
 * in the pool, some Grace Tan's (the demo admissions user) with next steps from today on, a few without one, a lost
 * one, and a guardian who asked twice about two children.
 */
@Component
class AdmissionsDemoData implements DemoDataStep {

    private static final List<String> CHILDREN = List.of("Tan Jun Hao", "Lim Wen Xin", "Ng Zhi Wei", "Koh Hui Ying",
            "Aisha Binte Rahman", "Rahul Nair", "Wong Kai Le", "Chen Yu Xuan", "Lee Shu Fen", "Goh Jia Jun",
            "Nurul Huda", "Sim Yi Ling", "Teo Wei Jie", "Chua Xin Hui", "Ong Kai Xuan", "Low Jing Yi");
    private static final List<String> GUARDIANS = List.of("Tan Mei Ling", "Lim Boon Keng", "Ng Siew Lan",
            "Koh Ah Hock", "Rahman Bin Ali", "Priya Nair", "Wong Li Hua", "Chen Jia Ming", "Lee Poh Choo",
            "Goh Swee Lan", "Siti Aminah", "Sim Kok Wah", "Teo Bee Hoon", "Chua Chee Seng", "Ong Lay Peng",
            "Low Kah Wai");

    private final LeadService leads;
    private final UserService users;
    private final InstitutionService institution;
    private final java.time.Clock clock;

    AdmissionsDemoData(LeadService leads, UserService users, InstitutionService institution, java.time.Clock clock) {
        this.leads = leads;
        this.users = users;
        this.institution = institution;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        var campuses = context.campuses();
        if (campuses.isEmpty()) {
            return;
        }
        var today = java.time.LocalDate.now(clock.withZone(institution.settings().timeZone()));
        var sources = leads.sources();
        var reasons = leads.lostReasons();
        Long grace = users.findUsers(new UserFilter("admissions", Role.ADMISSIONS, true), PageRequest.of(0, 5))
                .stream().filter(u -> u.username().equals("admissions")).map(u -> u.id()).findFirst().orElse(null);
        for (int i = 0; i < CHILDREN.size(); i++) {
            var campus = campuses.get(i % 4 == 3 && campuses.size() > 1 ? 1 : 0);
            String phone = String.valueOf(90_000_000 + 1_000_000 * (1 + random.nextInt(7)) + random.nextInt(1_000_000));
            String email = GUARDIANS.get(i).toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org";
            var lead = leads.create(new LeadDraft(campus.id(), CHILDREN.get(i), GUARDIANS.get(i), phone,
                    i % 3 == 0 ? email : null, null, i % 2 == 0 ? "Weekday afternoons" : "Saturday mornings",
                    null, sources.get(i % sources.size()).id(), null, null, null), true);
            if (grace != null && campus.id() == campuses.getFirst().id() && i % 5 != 4) {
                lead = leads.assign(lead.id(), lead.version(), grace);
            }
            lead = progress(lead, i, today, reasons.getFirst().id());
        }
        // the same mother asking about a second child: a duplicate by phone, entered anyway (a sibling)
        var first = leads.find(LeadService.LeadFilter.all(), PageRequest.of(0, 50)).stream()
                .filter(l -> l.childName().equals(CHILDREN.getFirst())).findFirst();
        first.ifPresent(l -> leads.create(new LeadDraft(l.campusId(), "Tan Jun Yi", l.guardianName(), l.phone(),
                null, null, null, null, l.sourceId(), null, null, null), true));
    }

    private Lead progress(Lead lead, int i, java.time.LocalDate today, long lostReason) {
        return switch (i % 6) {
            case 0 -> lead; // new, no next step yet
            case 1 -> leads.logFollowUp(lead.id(), lead.version(), new FollowUpDraft(FollowUpKind.CALL,
                    "Spoke to the parent; will send the timetable", NextAction.MESSAGE, today, null));
            case 2 -> {
                var called = leads.logFollowUp(lead.id(), lead.version(), new FollowUpDraft(FollowUpKind.CALL,
                        "Interested in a trial lesson", NextAction.TRIAL, today.plusDays(3), null));
                yield leads.changeStage(called.id(), called.version(), LeadStage.TRIAL_BOOKED, null);
            }
            case 3 -> {
                var met = leads.logFollowUp(lead.id(), lead.version(), new FollowUpDraft(FollowUpKind.MEETING,
                        "Visited the centre with the child", NextAction.CALL, today.plusDays(1), null));
                yield leads.changeStage(met.id(), met.version(), LeadStage.CONTACTED, null);
            }
            case 4 -> leads.logFollowUp(lead.id(), lead.version(), new FollowUpDraft(FollowUpKind.MESSAGE,
                    "Chose a school nearer home", null, null, lostReason));
            default -> leads.changeStage(lead.id(), lead.version(), LeadStage.CONTACTED, null);
        };
    }
}
