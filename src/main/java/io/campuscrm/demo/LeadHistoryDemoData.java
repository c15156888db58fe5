package io.campuscrm.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.BulkLead;
import io.campuscrm.admissions.FollowUpKind;
import io.campuscrm.admissions.LeadBulkLoader;
import io.campuscrm.admissions.LeadCampaign;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadChannel;
import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.NextAction;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;

/**
 * Six months of inquiries before today ({@link DemoScale#leads()} of them, bulk-loaded), so that the pipeline, the
 * lists and the reports have a past: the older a lead, the further along or the more likely closed (won or lost);
 * the open ones owned by the campus's admissions staff or waiting in its pool, most with a next step from a few
 * days ago (overdue) to next week, some without one; follow-ups as they would have been logged; ads and fairs
 * during their campaigns; now and then the same guardian again about a brother or sister.
 */
@Component
class LeadHistoryDemoData implements DemoDataStep {

    private static final int DAYS = 182;
    private static final List<String> SURNAMES = List.of("Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua",
            "Chan", "Koh", "Teo", "Ang", "Yeo", "Tay", "Ho", "Low", "Toh", "Sim", "Chong", "Chia");
    private static final List<String> CHILDREN = List.of("Wei Jie", "Xin Yi", "Jun Hao", "Hui Min", "Zhi Hao",
            "Jia Hui", "Kai Wen", "Shu Ting", "Yu Xuan", "Li Ting", "Jun Jie", "Wen Qi", "Zi Xuan", "Yi Ling",
            "Ethan", "Chloe", "Ryan", "Megan", "Isaac", "Natalie");
    private static final List<String> PARENTS = List.of("Mei Ling", "Kok Wai", "Siew Hoon", "Boon Huat",
            "Hui Ling", "Chee Keong", "Pei Shan", "Wee Liang", "Li Hua", "Ah Hock");
    private static final List<String> TIMES = List.of("Weekday afternoons", "Saturday mornings",
            "Sunday afternoons", "After 5 pm", "Any time");
    private static final List<String> OUTCOMES = List.of("Spoke to the parent about the levels",
            "Sent the timetable and fees", "Parent will discuss with the family", "Booked a trial lesson",
            "Child enjoyed the trial", "No answer, left a message", "Asked about sibling discount");

    private final LeadBulkLoader loader;
    private final LeadService leads;
    private final LeadCatalogService catalog;
    private final UserService users;
    private final InstitutionService institution;
    private final Clock clock;

    LeadHistoryDemoData(LeadBulkLoader loader, LeadService leads, LeadCatalogService catalog, UserService users,
            InstitutionService institution, Clock clock) {
        this.loader = loader;
        this.leads = leads;
        this.catalog = catalog;
        this.users = users;
        this.institution = institution;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 71;
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        var campuses = context.campuses();
        if (campuses.isEmpty() || scale.leads() <= 0) {
            return;
        }
        ZoneId zone = institution.settings().timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant now = clock.instant();
        var sources = leads.sources();
        long lostReasons = leads.lostReasons().size();
        var reasons = leads.lostReasons();
        var campaigns = catalog.campaigns(PageRequest.of(0, 100)).getContent();
        Map<Long, List<UserAccount>> staff = new HashMap<>();
        for (var account : users.findUsers(new UserFilter(null, Role.ADMISSIONS, true), PageRequest.of(0, 500))) {
            for (long campus : account.campusIds()) {
                staff.computeIfAbsent(campus, c -> new ArrayList<>()).add(account);
            }
        }
        var courses = context.courses();
        List<BulkLead> batch = new ArrayList<>();
        String lastPhone = null;
        String lastGuardian = null;
        for (int i = 0; i < scale.leads(); i++) {
            var campus = campuses.get(random.nextInt(10) < 6 ? 0 : random.nextInt(campuses.size()));
            // older inquiries are rarer than recent ones: a school that grows
            int daysAgo = (int) Math.floor(DAYS * Math.pow(random.nextDouble(), 1.3));
            Instant created = now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(random.nextInt(600)));
            String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
            String guardian = surname + " " + PARENTS.get(random.nextInt(PARENTS.size()));
            String phone = "+659" + (1 + random.nextInt(7)) + String.format("%06d", random.nextInt(1_000_000));
            if (lastPhone != null && random.nextInt(40) == 0) {
                // the same guardian again, about a brother or sister
                phone = lastPhone;
                guardian = lastGuardian;
                surname = guardian.substring(0, guardian.indexOf(' '));
            }
            lastPhone = phone;
            lastGuardian = guardian;
            String child = surname + " " + CHILDREN.get(random.nextInt(CHILDREN.size()));
            String email = random.nextInt(3) == 0 ? null : guardian.toLowerCase(java.util.Locale.ROOT)
                    .replace(' ', '.') + (i % 97) + "@example.net";
            LeadChoice source = sources.get(random.nextInt(sources.size()));
            Long campaign = campaign(campaigns, source.id(), created.atZone(zone).toLocalDate());
            LeadStage stage = stage(daysAgo, random);
            var owners = staff.getOrDefault(campus.id(), List.of());
            UserAccount owner = owners.isEmpty() || (stage == LeadStage.NEW && random.nextInt(3) == 0) ? null
                    : owners.get(random.nextInt(owners.size()));
            List<BulkLead.FollowUp> followUps = new ArrayList<>();
            Instant firstContact = null;
            int contacts = stage == LeadStage.NEW ? 0 : 1 + random.nextInt(stage.ordinal() + 1);
            Instant at = created;
            for (int f = 0; f < contacts; f++) {
                at = at.plus(Duration.ofHours(f == 0 ? 1 + random.nextInt(72) : 24 + random.nextInt(24 * 6)));
                if (at.isAfter(now)) {
                    at = now.minus(Duration.ofMinutes(5 + random.nextInt(120)));
                }
                if (firstContact == null) {
                    firstContact = at;
                }
                var kind = FollowUpKind.values()[random.nextInt(3)];
                followUps.add(new BulkLead.FollowUp(kind, OUTCOMES.get(random.nextInt(OUTCOMES.size())), at,
                        NextAction.CALL, at.atZone(zone).toLocalDate().plusDays(2), owner == null ? null
                                : owner.id(), owner == null ? "admissions" : owner.username()));
            }
            NextAction next = null;
            LocalDate nextOn = null;
            if (stage.open() && random.nextInt(20) != 0) {
                next = stage == LeadStage.TRIAL_BOOKED ? NextAction.TRIAL : NextAction.values()[random.nextInt(3)];
                nextOn = today.plusDays(random.nextInt(12) - 4);
            }
            Long lost = stage == LeadStage.LOST ? reasons.get(random.nextInt((int) lostReasons)).id() : null;
            batch.add(new BulkLead(campus.id(), child, guardian, phone, email, courses.isEmpty() || random
                    .nextInt(3) == 0 ? null : courses.get(random.nextInt(courses.size())).id(),
                    TIMES.get(random.nextInt(TIMES.size())), null, source.id(), campaign, null, stage, lost,
                    owner == null ? null : owner.id(), next, nextOn, created, firstContact,
                    random.nextInt(3) == 0 ? LeadChannel.FORM : LeadChannel.STAFF, followUps));
            if (batch.size() == 5_000) {
                loader.load(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            loader.load(batch);
        }
    }

    /** Where a lead of this age stands: the older, the further along, or closed. */
    private static LeadStage stage(int daysAgo, RandomGenerator random) {
        int roll = random.nextInt(100);
        if (daysAgo < 3) {
            return roll < 70 ? LeadStage.NEW : LeadStage.CONTACTED;
        }
        if (daysAgo < 21) {
            return roll < 20 ? LeadStage.NEW : roll < 55 ? LeadStage.CONTACTED : roll < 75 ? LeadStage.TRIAL_BOOKED
                    : roll < 85 ? LeadStage.TRIAL_ATTENDED : roll < 92 ? LeadStage.ENROLLED : LeadStage.LOST;
        }
        return roll < 5 ? LeadStage.NEW : roll < 20 ? LeadStage.CONTACTED : roll < 28 ? LeadStage.TRIAL_BOOKED
                : roll < 36 ? LeadStage.TRIAL_ATTENDED : roll < 66 ? LeadStage.ENROLLED : LeadStage.LOST;
    }

    private static @Nullable Long campaign(List<LeadCampaign> campaigns, long sourceId, LocalDate on) {
        return campaigns.stream().filter(c -> c.sourceId() == sourceId && !on.isBefore(c.startsOn())
                && !on.isAfter(c.endsOn())).map(LeadCampaign::id).findFirst().orElse(null);
    }
}
