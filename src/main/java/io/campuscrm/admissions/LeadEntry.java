package io.campuscrm.admissions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import io.campuscrm.admissions.internal.LeadCatalogStore;
import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.ContactQuery;
import io.campuscrm.students.DuplicateMatch;
import io.campuscrm.students.FamilyService;
import io.campuscrm.students.StudentSearch;

/**
 * What every way in does to a lead before and as it is saved, so that staff entry, the public form, the intake
 * endpoint and imports apply the same rules: contacts normalised (phones to E.164, e-mails to lower case), the
 * campus, source and course checked, every problem named by its field, the known contacts found, and the lead
 * inserted with its first history entry and an audit entry. The callers' services decide who may call and run the
 * transaction; this is not a service and holds no rule of its own about callers.
 */
@Component
class LeadEntry {

    private final LeadStore store;
    private final LeadCatalogStore catalog;
    private final FamilyService families;
    private final ContactNormaliser contacts;
    private final StudentSearch students;
    private final CourseService courses;
    private final InstitutionService institution;
    private final ApplicationEventPublisher events;
    private final LeadRounds rounds;
    private final Clock clock;

    LeadEntry(LeadStore store, LeadCatalogStore catalog, FamilyService families, ContactNormaliser contacts,
            StudentSearch students, CourseService courses, InstitutionService institution,
            ApplicationEventPublisher events, LeadRounds rounds, Clock clock) {
        this.rounds = rounds;
        this.store = store;
        this.catalog = catalog;
        this.families = families;
        this.contacts = contacts;
        this.students = students;
        this.courses = courses;
        this.institution = institution;
        this.events = events;
        this.clock = clock;
    }

    /** A draft with its contacts normalised, or the message key of each field that is wrong. */
    record Checked(LeadDraft draft, @Nullable String phone, @Nullable String email, Map<String, String> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * What drafts are checked against, read once for a whole batch of them (a file's rows): the campuses, sources,
     * campaigns, referring families and courses they name, and the institution's phone region. A batch costs a
     * fixed number of statements, whatever its size.
     */
    record Lookups(Map<Long, Campus> campuses, Map<Long, LeadStore.Entry> sources, Set<Long> campaigns,
            Set<Long> referringFamilies, Map<Long, Course> courses, String region) {
    }

    /** The look-ups of these drafts: at most five statements. */
    Lookups lookups(Collection<LeadDraft> drafts) {
        Set<Long> campusIds = new HashSet<>();
        Set<Long> campaignIds = new HashSet<>();
        Set<Long> familyIds = new HashSet<>();
        Set<Long> courseIds = new HashSet<>();
        for (LeadDraft d : drafts) {
            campusIds.add(d.campusId());
            if (d.campaignId() != null) {
                campaignIds.add(d.campaignId());
            }
            if (d.referringFamilyId() != null) {
                familyIds.add(d.referringFamilyId());
            }
            if (d.courseId() != null) {
                courseIds.add(d.courseId());
            }
        }
        return new Lookups(institution.campusesById(campusIds), sources(),
                catalog.campaigns(campaignIds).stream().map(LeadCampaign::id).collect(Collectors.toSet()),
                familyIds.isEmpty() ? Set.of() : families.summaries(familyIds).keySet(), courses.all(courseIds),
                contacts.region());
    }

    /** Every source, active or not, by id. */
    Map<Long, LeadStore.Entry> sources() {
        return store.entries("lead_source");
    }

    /**
     * Checks everything about a draft that does not depend on who enters it: every field's problem, not just the
     * first one's. The campus must be an active one (whether the caller may enter leads there is the caller's rule).
     */
    Checked check(LeadDraft draft) {
        return check(draft, lookups(List.of(draft)));
    }

    /** {@link #check(LeadDraft)} against look-ups read before, for a batch: no statement. */
    Checked check(LeadDraft draft, Lookups lookups) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!StringUtils.hasText(draft.childName())) {
            errors.put("childName", "lead.error.child-required");
        } else if (draft.childName().strip().length() > 120) {
            errors.put("childName", "lead.error.too-long");
        }
        length(errors, "guardianName", draft.guardianName(), 120);
        length(errors, "preferredTimes", draft.preferredTimes(), 200);
        length(errors, "message", draft.message(), 2000);
        String phone = null;
        String email = null;
        try {
            phone = ContactNormaliser.phone(draft.phone(), "phone", lookups.region());
        } catch (DomainException invalid) {
            errors.put("phone", "lead.error.phone");
        }
        try {
            email = contacts.email(draft.email(), "email");
        } catch (DomainException invalid) {
            errors.put("email", "lead.error.email");
        }
        if (phone == null && email == null && !errors.containsKey("phone") && !errors.containsKey("email")) {
            errors.put("phone", "lead.error.contact-required");
        }
        var campus = lookups.campuses().get(draft.campusId());
        if (campus == null || !campus.active()) {
            errors.put("campusId", "lead.error.campus");
        }
        var source = lookups.sources().get(draft.sourceId());
        if (source == null || !source.active()) {
            errors.put("sourceId", "lead.error.source");
        }
        if (draft.campaignId() != null && !lookups.campaigns().contains(draft.campaignId())) {
            errors.put("campaignId", "lead.campaign.error.unknown");
        }
        if (draft.referringFamilyId() != null && !lookups.referringFamilies().contains(draft.referringFamilyId())) {
            errors.put("referringFamilyId", "lead.campaign.error.referrer");
        }
        if (draft.courseId() != null) {
            var course = lookups.courses().get(draft.courseId());
            if (course == null || !course.active()) {
                errors.put("courseId", "lead.error.course");
            }
        }
        return new Checked(draft, phone, email, errors);
    }

    /** Who the school already knows with this phone or e-mail: leads, students and guardians. */
    List<LeadMatch> matches(@Nullable String phone, @Nullable String email) {
        return matches(List.of(new Contact(phone, email))).getFirst();
    }

    /** A normalised phone and e-mail (either may be missing) to look for. */
    record Contact(@Nullable String phone, @Nullable String email) {
    }

    /**
     * {@link #matches(String, String)} for many contacts at once (a file's rows), each's in its order: two index
     * look-ups among the leads and the students module's set-based look-up, however many contacts there are.
     */
    List<List<LeadMatch>> matches(List<Contact> contacts) {
        Set<String> phones = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        for (Contact c : contacts) {
            if (c.phone() != null) {
                phones.add(c.phone());
            }
            if (c.email() != null) {
                emails.add(c.email());
            }
        }
        if (phones.isEmpty() && emails.isEmpty()) {
            return contacts.stream().map(c -> List.<LeadMatch>of()).toList();
        }
        Map<String, List<LeadStore.ContactHit>> leadsByPhone = new HashMap<>();
        Map<String, List<LeadStore.ContactHit>> leadsByEmail = new HashMap<>();
        for (var hit : store.withContacts(phones, emails)) {
            (hit.byPhone() ? leadsByPhone : leadsByEmail)
                    .computeIfAbsent(hit.byPhone() ? hit.value() : hit.value().toLowerCase(Locale.ROOT),
                            k -> new ArrayList<>()).add(hit);
        }
        var known = students.contactMatches(contacts.stream()
                .map(c -> new ContactQuery("guardian", c.phone(), c.email())).toList());
        List<List<LeadMatch>> all = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            var c = contacts.get(i);
            List<LeadMatch> found = new ArrayList<>();
            List<LeadStore.ContactHit> hits = new ArrayList<>();
            if (c.phone() != null) {
                hits.addAll(leadsByPhone.getOrDefault(c.phone(), List.of()));
            }
            if (c.email() != null) {
                hits.addAll(leadsByEmail.getOrDefault(c.email(), List.of()));
            }
            for (var hit : hits) {
                String name = hit.guardianName() == null ? hit.childName()
                        : hit.childName() + " · " + hit.guardianName();
                found.add(new LeadMatch(LeadMatch.Kind.LEAD, hit.id(), name, hit.byPhone() ? LeadMatch.Reason.PHONE
                        : LeadMatch.Reason.EMAIL, hit.value(), null));
            }
            Set<String> seen = new LinkedHashSet<>();
            for (DuplicateMatch m : i < known.size() ? known.get(i) : List.<DuplicateMatch>of()) {
                var kind = m.kind() == DuplicateMatch.Kind.STUDENT ? LeadMatch.Kind.STUDENT
                        : LeadMatch.Kind.GUARDIAN;
                var reason = m.reason() == DuplicateMatch.Reason.EMAIL ? LeadMatch.Reason.EMAIL
                        : LeadMatch.Reason.PHONE;
                if (seen.add(kind + ":" + m.id() + ":" + reason)) {
                    found.add(new LeadMatch(kind, m.id(), m.name(), reason, m.value(), m.familyId()));
                }
            }
            all.add(found);
        }
        return all;
    }

    /**
     * The lead this same inquiry already made a moment ago, if any: the same campus, the same child (names compared
     * without case or surrounding space) and the same phone or e-mail, entered within {@code window}. A parent who
     * presses Send twice, or reloads the thank-you page's form, makes one lead.
     */
    Optional<Long> resubmitted(Checked checked, Duration window) {
        return store.recentSame(checked.draft().campusId(), checked.draft().childName().strip(), checked.phone(),
                checked.email(), clock.instant().minus(window));
    }

    /**
     * Saves a checked draft as a New lead, with its first history entry and an audit entry. A lead nobody takes goes
     * round the campus's team or into its pool, as the campus's setting says ({@link LeadRounds}).
     */
    Lead insert(Checked checked, LeadChannel channel, @Nullable Long ownerId, String actor,
            @Nullable String requestId, @Nullable Language language, @Nullable Long intakeKeyId) {
        var draft = checked.draft();
        var now = clock.instant();
        if (ownerId == null) {
            ownerId = rounds.next(draft.campusId());
        }
        long id = store.insert(newLead(checked, channel, ownerId, requestId, language, intakeKeyId, now), now, actor);
        store.event(id, "CREATED", null, LeadStage.NEW.name(), ownerId == null ? null : String.valueOf(ownerId), now,
                actor);
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "Lead", id, AuditSummary.of("audit.lead.created",
                draft.childName().strip())));
        return store.find(id).orElseThrow();
    }

    /**
     * A checked draft of a file, ready to save: its owner (null: the pool), when the inquiry came in (a file of old
     * inquiries keeps their dates), and the known family its child is linked to, if any.
     */
    record Imported(Checked checked, @Nullable Long ownerId, Instant createdAt, @Nullable Long familyId) {
    }

    /**
     * Saves checked drafts as New leads with multi-row inserts, a few hundred to a statement, with their first
     * history entries (and the family link's): two statements per {@link LeadStore#ROWS_PER_STATEMENT} leads. No
     * audit entry each: the caller records one for them all.
     *
     * @return the new leads' ids, in order, and how many of them went to the pool
     */
    Saved insertAll(List<Imported> given, LeadChannel channel, String actor) {
        var now = clock.instant();
        var leads = routed(given);
        var ids = store.insertAll(leads.stream().map(l -> new LeadStore.ImportedLead(newLead(l.checked(), channel,
                l.ownerId(), null, null, null, now), l.familyId(), l.createdAt())).toList(), now, actor);
        List<LeadStore.NewEvent> history = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            var l = leads.get(i);
            history.add(new LeadStore.NewEvent(ids.get(i), "CREATED", null, LeadStage.NEW.name(),
                    l.ownerId() == null ? null : String.valueOf(l.ownerId()), l.createdAt(), actor));
            if (l.familyId() != null) {
                history.add(new LeadStore.NewEvent(ids.get(i), "FAMILY", null, String.valueOf(l.familyId()), null,
                        now, actor));
            }
        }
        store.eventsAll(history);
        return new Saved(ids, (int) leads.stream().filter(l -> l.ownerId() == null).count());
    }

    /** What {@link #insertAll} saved: the ids in order, and how many leads went to the pool. */
    record Saved(List<Long> ids, int inPool) {
    }

    /** The leads, those without an owner given their turn in their campus's round (or left to the pool). */
    private List<Imported> routed(List<Imported> leads) {
        Map<Long, List<Integer>> unowned = new java.util.TreeMap<>();
        for (int i = 0; i < leads.size(); i++) {
            if (leads.get(i).ownerId() == null) {
                unowned.computeIfAbsent(leads.get(i).checked().draft().campusId(), k -> new ArrayList<>()).add(i);
            }
        }
        if (unowned.isEmpty()) {
            return leads;
        }
        List<Imported> routed = new ArrayList<>(leads);
        for (var campus : unowned.entrySet()) {
            var owners = rounds.next(campus.getKey(), campus.getValue().size());
            for (int n = 0; n < owners.size(); n++) {
                int i = campus.getValue().get(n);
                var l = leads.get(i);
                routed.set(i, new Imported(l.checked(), owners.get(n), l.createdAt(), l.familyId()));
            }
        }
        return routed;
    }

    private static LeadStore.NewLead newLead(Checked checked, LeadChannel channel, @Nullable Long ownerId,
            @Nullable String requestId, @Nullable Language language, @Nullable Long intakeKeyId, Instant now) {
        var draft = checked.draft();
        return new LeadStore.NewLead(draft.campusId(), draft.childName().strip(), text(draft.guardianName()),
                checked.phone(), checked.email(), draft.courseId(), text(draft.preferredTimes()),
                text(draft.message()), draft.sourceId(), draft.campaignId(), draft.referringFamilyId(), ownerId,
                text(draft.consentText()), StringUtils.hasText(draft.consentText()) ? now : null, requestId, channel,
                language == null ? null : language.tag(), intakeKeyId);
    }

    /** The region local phone numbers are read in (the institution's). */
    String region() {
        return contacts.region();
    }

    Instant now() {
        return clock.instant();
    }

    private static void length(Map<String, String> errors, String field, @Nullable String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.put(field, "lead.error.too-long");
        }
    }

    private static @Nullable String text(@Nullable String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }
}
