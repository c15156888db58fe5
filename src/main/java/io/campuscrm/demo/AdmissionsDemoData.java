package io.campuscrm.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.CampaignDraft;
import io.campuscrm.admissions.FollowUpDraft;
import io.campuscrm.admissions.FollowUpKind;
import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.NextAction;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.FamilyService;

/**
 * Leads for the admissions users to work on, through the lead service: in both campuses and every open stage, some
 * in the pool, some Grace Tan's (the demo admissions user) with next steps from today on, a few without one, a lost
 * one, and a guardian who asked twice about two children. Four campaigns of the last six months with their costs;
 * most leads of their sources came through them, and the referral leads name a demo family who sent them.
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
    private final LeadCatalogService catalog;
    private final FamilyService families;
    private final UserService users;
    private final InstitutionService institution;
    private final java.time.Clock clock;

    AdmissionsDemoData(LeadService leads, LeadCatalogService catalog, FamilyService families, UserService users,
            InstitutionService institution, java.time.Clock clock) {
        this.leads = leads;
        this.catalog = catalog;
        this.families = families;
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
        Map<Long, Long> campaignOfSource = campaigns(sources, today);
        // families who sent someone: the referral leads name one of them
        var referrers = families.findFamilies("", 3).stream().map(f -> f.id()).toList();
        var reasons = leads.lostReasons();
        Long grace = users.findUsers(new UserFilter("admissions", Role.ADMISSIONS, true), PageRequest.of(0, 5))
                .stream().filter(u -> u.username().equals("admissions")).map(u -> u.id()).findFirst().orElse(null);
        for (int i = 0; i < CHILDREN.size(); i++) {
            var campus = campuses.get(i % 4 == 3 && campuses.size() > 1 ? 1 : 0);
            String phone = String.valueOf(90_000_000 + 1_000_000 * (1 + random.nextInt(7)) + random.nextInt(1_000_000));
            String email = GUARDIANS.get(i).toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org";
            var source = sources.get(i % sources.size());
            Long campaign = i % 4 == 1 ? null : campaignOfSource.get(source.id());
            Long referrer = source.referral() && !referrers.isEmpty() ? referrers.get(i % referrers.size()) : null;
            var lead = leads.create(new LeadDraft(campus.id(), CHILDREN.get(i), GUARDIANS.get(i), phone,
                    i % 3 == 0 ? email : null, null, i % 2 == 0 ? "Weekday afternoons" : "Saturday mornings",
                    null, source.id(), campaign, referrer, null), true);
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

    /**
     * Campaigns of the last six months, with what they cost: an education fair, a school holiday open house, search
     * ads that ended, and Facebook ads running today (so that a new lead from an ad may pick it).
     *
     * @return the latest campaign of each source that has one
     */
    private Map<Long, Long> campaigns(List<LeadChoice> sources, LocalDate today) {
        Map<String, Long> sourceByKey = new HashMap<>();
        sources.stream().filter(c -> c.labelKey() != null).forEach(c -> sourceByKey.put(c.labelKey(), c.id()));
        Map<Long, Long> latest = new HashMap<>();
        for (var campaign : List.of(
                new DemoCampaign("Google search ads, first half", "lead.source.website", today.minusMonths(6),
                        today.minusMonths(2), "1200.00"),
                new DemoCampaign("Education fair at Suntec City", "lead.source.fair", today.minusMonths(4),
                        today.minusMonths(4).plusDays(2), "3500.00"),
                new DemoCampaign("School holiday open house", "lead.source.walk-in",
                        today.minusMonths(2).minusDays(10), today.minusMonths(2).minusDays(3), "650.00"),
                new DemoCampaign("Facebook ads for the new term", "lead.source.ad", today.minusDays(30),
                        today.plusDays(30), "1800.00"))) {
            Long source = sourceByKey.get(campaign.sourceKey());
            if (source != null) {
                latest.put(source, catalog.createCampaign(new CampaignDraft(campaign.name(), source,
                        campaign.startsOn(), campaign.endsOn(), new BigDecimal(campaign.cost()))).id());
            }
        }
        return latest;
    }

    private record DemoCampaign(String name, String sourceKey, LocalDate startsOn, LocalDate endsOn, String cost) {
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
