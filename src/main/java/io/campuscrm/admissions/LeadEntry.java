package io.campuscrm.admissions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import io.campuscrm.admissions.internal.LeadCatalogStore;
import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.institution.InstitutionService;
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
    private final Clock clock;

    LeadEntry(LeadStore store, LeadCatalogStore catalog, FamilyService families, ContactNormaliser contacts,
            StudentSearch students, CourseService courses, InstitutionService institution,
            ApplicationEventPublisher events, Clock clock) {
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
     * Checks everything about a draft that does not depend on who enters it: every field's problem, not just the
     * first one's. The campus must be an active one (whether the caller may enter leads there is the caller's rule).
     */
    Checked check(LeadDraft draft) {
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
            phone = contacts.phone(draft.phone(), "phone");
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
        var campus = institution.campusesById(List.of(draft.campusId())).get(draft.campusId());
        if (campus == null || !campus.active()) {
            errors.put("campusId", "lead.error.campus");
        }
        var source = store.entries("lead_source").get(draft.sourceId());
        if (source == null || !source.active()) {
            errors.put("sourceId", "lead.error.source");
        }
        if (draft.campaignId() != null && catalog.campaign(draft.campaignId()).isEmpty()) {
            errors.put("campaignId", "lead.campaign.error.unknown");
        }
        if (draft.referringFamilyId() != null
                && !families.summaries(List.of(draft.referringFamilyId())).containsKey(draft.referringFamilyId())) {
            errors.put("referringFamilyId", "lead.campaign.error.referrer");
        }
        if (draft.courseId() != null) {
            var course = courses.all(List.of(draft.courseId())).get(draft.courseId());
            if (course == null || !course.active()) {
                errors.put("courseId", "lead.error.course");
            }
        }
        return new Checked(draft, phone, email, errors);
    }

    /** Who the school already knows with this phone or e-mail: leads, students and guardians. */
    List<LeadMatch> matches(@Nullable String phone, @Nullable String email) {
        if (phone == null && email == null) {
            return List.of();
        }
        List<LeadMatch> found = new ArrayList<>();
        for (var hit : store.withContacts(phone == null ? List.of() : List.of(phone),
                email == null ? List.of() : List.of(email))) {
            String name = hit.guardianName() == null ? hit.childName() : hit.childName() + " · " + hit.guardianName();
            found.add(new LeadMatch(LeadMatch.Kind.LEAD, hit.id(), name, hit.byPhone() ? LeadMatch.Reason.PHONE
                    : LeadMatch.Reason.EMAIL, hit.value(), null));
        }
        var known = students.contactMatches(List.of(new ContactQuery("guardian", phone, email)));
        Set<String> seen = new LinkedHashSet<>();
        for (DuplicateMatch m : known.isEmpty() ? List.<DuplicateMatch>of() : known.getFirst()) {
            var kind = m.kind() == DuplicateMatch.Kind.STUDENT ? LeadMatch.Kind.STUDENT : LeadMatch.Kind.GUARDIAN;
            var reason = m.reason() == DuplicateMatch.Reason.EMAIL ? LeadMatch.Reason.EMAIL : LeadMatch.Reason.PHONE;
            if (seen.add(kind + ":" + m.id() + ":" + reason)) {
                found.add(new LeadMatch(kind, m.id(), m.name(), reason, m.value(), m.familyId()));
            }
        }
        return found;
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

    /** Saves a checked draft as a New lead, with its first history entry and an audit entry. */
    Lead insert(Checked checked, LeadChannel channel, @Nullable Long ownerId, String actor,
            @Nullable String requestId, @Nullable Language language, @Nullable Long intakeKeyId) {
        var draft = checked.draft();
        var now = clock.instant();
        long id = store.insert(new LeadStore.NewLead(draft.campusId(), draft.childName().strip(),
                text(draft.guardianName()), checked.phone(), checked.email(), draft.courseId(),
                text(draft.preferredTimes()), text(draft.message()), draft.sourceId(), draft.campaignId(),
                draft.referringFamilyId(), ownerId, text(draft.consentText()),
                StringUtils.hasText(draft.consentText()) ? now : null, requestId, channel,
                language == null ? null : language.tag(), intakeKeyId), now, actor);
        store.event(id, "CREATED", null, LeadStage.NEW.name(), ownerId == null ? null : String.valueOf(ownerId), now,
                actor);
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "Lead", id, AuditSummary.of("audit.lead.created",
                draft.childName().strip())));
        return store.find(id).orElseThrow();
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
