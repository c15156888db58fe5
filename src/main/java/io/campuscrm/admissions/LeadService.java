package io.campuscrm.admissions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.admissions.internal.LeadCatalogStore;
import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.ContactQuery;
import io.campuscrm.students.DuplicateMatch;
import io.campuscrm.students.FamilyService;
import io.campuscrm.students.StudentSearch;

import jakarta.validation.Valid;

/**
 * Enrollment leads: entering them (checked against the leads, students and guardians the school knows), reading
 * them, giving them an owner or the pool, moving them through the stages and logging their follow-ups. Admissions
 * users work on the leads of their campuses, administrators on all; a lead of another campus answers as a missing
 * one. Every change is on the lead's history.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class LeadService {

    private static final Set<Role> OWNERS = Set.of(Role.ADMISSIONS, Role.ADMIN);

    private final LeadStore store;
    private final LeadCatalogStore catalog;
    private final FamilyService families;
    private final ContactNormaliser contacts;
    private final StudentSearch students;
    private final CourseService courses;
    private final UserService users;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadService(LeadStore store, LeadCatalogStore catalog, FamilyService families, ContactNormaliser contacts,
            StudentSearch students, CourseService courses, UserService users, InstitutionService institution,
            CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.families = families;
        this.contacts = contacts;
        this.students = students;
        this.courses = courses;
        this.users = users;
        this.institution = institution;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Who the school already knows with this lead's phone or e-mail: leads (to merge), students and guardians (the
     * child may be a sibling). Three index look-ups and the students module's, whatever is entered; nothing saved.
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<LeadMatch> matches(@Valid LeadDraft draft) {
        var phone = contacts.phone(draft.phone(), "phone");
        var email = contacts.email(draft.email(), "email");
        return matches(phone, email);
    }

    /**
     * Enters a lead, New, owned by the admissions user who enters it (an administrator's goes to the campus's pool).
     *
     * @throws PossibleDuplicateLeadException when it shares a phone or e-mail with someone known and
     *                                        {@code anyway} is false; nothing is saved
     * @throws DomainException                on the field of a missing contact, an invalid phone or e-mail, an
     *                                        unknown source, campaign, referring family or course
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public Lead create(@Valid LeadDraft draft, boolean anyway) {
        requireCampus(draft.campusId(), "campusId");
        var phone = contacts.phone(draft.phone(), "phone");
        var email = contacts.email(draft.email(), "email");
        if (phone == null && email == null) {
            throw new DomainException("phone", "lead.error.contact-required");
        }
        var source = store.entries("lead_source").get(draft.sourceId());
        if (source == null || !source.active()) {
            throw new DomainException("sourceId", "lead.error.source");
        }
        if (draft.courseId() != null && courses.all(List.of(draft.courseId())).isEmpty()) {
            throw new DomainException("courseId", "lead.error.course");
        }
        if (draft.campaignId() != null && catalog.campaign(draft.campaignId()).isEmpty()) {
            throw new DomainException("campaignId", "lead.campaign.error.unknown");
        }
        if (draft.referringFamilyId() != null
                && !families.summaries(List.of(draft.referringFamilyId())).containsKey(draft.referringFamilyId())) {
            throw new DomainException("referringFamilyId", "lead.campaign.error.referrer");
        }
        if (!anyway) {
            var found = matches(phone, email);
            if (!found.isEmpty()) {
                throw new PossibleDuplicateLeadException(found);
            }
        }
        var now = clock.instant();
        String user = currentUser.username();
        Long owner = currentUser.hasRole(Role.ADMISSIONS) ? currentUser.principal().map(p -> p.userId()).orElse(null)
                : null;
        long id = store.insert(new LeadStore.NewLead(draft.campusId(), draft.childName().strip(),
                text(draft.guardianName()), phone, email, draft.courseId(), text(draft.preferredTimes()),
                text(draft.message()), draft.sourceId(), draft.campaignId(), draft.referringFamilyId(), owner,
                text(draft.consentText()), draft.consentText() == null ? null : now, null), now, user);
        store.event(id, "CREATED", null, LeadStage.NEW.name(), owner == null ? null : String.valueOf(owner), now,
                user);
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "Lead", id, AuditSummary.of("audit.lead.created",
                draft.childName().strip())));
        return store.find(id).orElseThrow();
    }

    /** A lead the user may see; another campus's answers as a missing one. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public Lead get(long id) {
        var lead = store.find(id).orElseThrow(NotFoundException::new);
        if (!currentUser.scope().seesCampus(lead.campusId())) {
            throw new NotFoundException();
        }
        return lead;
    }

    /** Gives the lead to an admissions user (or administrator) of its campus, or back to the pool with null. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public Lead assign(long id, long version, @Nullable Long ownerId) {
        var lead = get(id);
        if (ownerId != null && !users.worksAt(ownerId, OWNERS, lead.campusId())) {
            throw new DomainException("ownerId", "lead.error.owner");
        }
        if (java.util.Objects.equals(ownerId, lead.ownerId())) {
            return lead;
        }
        var now = clock.instant();
        if (!store.setOwner(id, version, ownerId, now, currentUser.username())) {
            throw stale(id);
        }
        store.event(id, "OWNER", lead.ownerId() == null ? null : String.valueOf(lead.ownerId()),
                ownerId == null ? null : String.valueOf(ownerId), null, now, currentUser.username());
        return store.find(id).orElseThrow();
    }

    /**
     * Moves the lead to a stage. Lost needs a reason; Enrolled is reached only by converting the lead into a student;
     * an enrolled lead stays enrolled; a lost one may be reopened.
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public Lead changeStage(long id, long version, LeadStage stage, @Nullable Long lostReasonId) {
        var lead = get(id);
        if (stage == lead.stage()) {
            return lead;
        }
        if (lead.stage() == LeadStage.ENROLLED) {
            throw new DomainException("stage", "lead.error.enrolled-final");
        }
        if (stage == LeadStage.ENROLLED) {
            throw new DomainException("stage", "lead.error.enrolled-by-conversion");
        }
        Long reason = null;
        if (stage == LeadStage.LOST) {
            reason = requireLostReason(lostReasonId);
        }
        var now = clock.instant();
        if (!store.setStage(id, version, stage, reason, now, currentUser.username())) {
            throw stale(id);
        }
        store.event(id, "STAGE", lead.stage().name(), stage.name(), reason == null ? null : String.valueOf(reason),
                now, currentUser.username());
        return store.find(id).orElseThrow();
    }

    /**
     * Logs a call, message, meeting or note, and sets the next action it agreed on — or closes the lead as lost with
     * the reason given instead. A follow-up without either is refused and asks for one. A call, message or meeting
     * about a new lead makes it contacted.
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public Lead logFollowUp(long id, long version, @Valid FollowUpDraft draft) {
        var lead = get(id);
        if (!lead.stage().open()) {
            throw new DomainException(null, "lead.error.closed");
        }
        boolean closing = draft.lostReasonId() != null;
        if (!closing && (draft.nextAction() == null || draft.nextActionOn() == null)) {
            throw new DomainException("nextActionOn", "lead.error.next-action-required");
        }
        if (!closing && draft.nextActionOn().isBefore(today())) {
            throw new DomainException("nextActionOn", "lead.error.next-action-past");
        }
        var now = clock.instant();
        String user = currentUser.username();
        boolean contact = draft.kind() != FollowUpKind.NOTE;
        Long me = currentUser.principal().map(p -> p.userId()).orElse(null);
        if (closing) {
            long reason = requireLostReason(draft.lostReasonId());
            if (!store.setNextAction(id, version, null, null, contact, now, user)
                    || !store.setStage(id, version + 1, LeadStage.LOST, reason, now, user)) {
                throw stale(id);
            }
            store.event(id, "STAGE", lead.stage().name(), LeadStage.LOST.name(), String.valueOf(reason), now, user);
        } else {
            if (!store.setNextAction(id, version, draft.nextAction(), draft.nextActionOn(), contact, now, user)) {
                throw stale(id);
            }
            if (contact && lead.stage() == LeadStage.NEW) {
                // a call, message or meeting that reached them: the lead is contacted
                store.setStage(id, version + 1, LeadStage.CONTACTED, null, now, user);
                store.event(id, "STAGE", LeadStage.NEW.name(), LeadStage.CONTACTED.name(), null, now, user);
            }
        }
        store.followUp(id, draft.kind(), draft.outcome().strip(), now, closing ? null : draft.nextAction(),
                closing ? null : draft.nextActionOn(), me, user);
        store.event(id, "FOLLOW_UP", null, draft.kind().name(), null, now, user);
        return store.find(id).orElseThrow();
    }

    /** The lead's history, newest first. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<LeadEvent> history(long id) {
        get(id);
        return store.events(id);
    }

    /** The lead's follow-ups, newest first. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<FollowUp> followUps(long id) {
        get(id);
        return store.followUps(id);
    }

    /** The signed-in user's leads due today, overdue and without a next step, and their campuses' new pool leads. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public LeadWork myWork() {
        var scope = currentUser.scope();
        long me = currentUser.principal().map(p -> p.userId()).orElse(-1L);
        var params = new MapSqlParameterSource("me", me).addValue("today", today());
        String campuses = "";
        if (!scope.allCampuses()) {
            campuses = " AND campus_id IN (:campuses)";
            params.addValue("campuses", scope.campusIds().isEmpty() ? Set.of(-1L) : scope.campusIds());
        }
        return store.work(campuses, params);
    }

    /** Where leads may come from: the active sources, in their order. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<LeadChoice> sources() {
        return choices("lead_source");
    }

    /** Why a lead may be lost: the active reasons, in their order. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<LeadChoice> lostReasons() {
        return choices("lead_lost_reason");
    }

    private List<LeadChoice> choices(String table) {
        return store.entries(table).values().stream().filter(LeadStore.Entry::active)
                .map(e -> new LeadChoice(e.id(), e.labelKey(), e.name())).toList();
    }

    /**
     * What to list: every part optional. {@code text} finds a phone (as typed, a local number too), an e-mail, or a
     * part of the child's or guardian's name.
     */
    public record LeadFilter(@Nullable Long campusId, @Nullable LeadStage stage, @Nullable Long ownerId,
            boolean poolOnly, boolean withoutNextStep, boolean overdue, @Nullable Long sourceId,
            @Nullable String text) {

        public LeadFilter(@Nullable Long campusId, @Nullable LeadStage stage, @Nullable Long ownerId,
                boolean poolOnly, boolean withoutNextStep, boolean overdue) {
            this(campusId, stage, ownerId, poolOnly, withoutNextStep, overdue, null, null);
        }

        public static LeadFilter all() {
            return new LeadFilter(null, null, null, false, false, false);
        }
    }

    /** A page of the leads the user may see that match the filter, newest first: one statement. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public Slice<Lead> find(LeadFilter filter, Pageable page) {
        var scope = currentUser.scope();
        List<String> where = new ArrayList<>(List.of("merged_into_id IS NULL"));
        var params = new MapSqlParameterSource();
        if (!scope.allCampuses()) {
            where.add("campus_id IN (:campuses)");
            params.addValue("campuses", scope.campusIds().isEmpty() ? Set.of(-1L) : scope.campusIds());
        }
        if (filter.campusId() != null) {
            where.add("campus_id = :campus");
            params.addValue("campus", filter.campusId());
        }
        if (filter.stage() != null) {
            where.add("stage = :stage");
            params.addValue("stage", filter.stage().name());
        }
        if (filter.poolOnly()) {
            where.add("owner_id IS NULL");
        } else if (filter.ownerId() != null) {
            where.add("owner_id = :owner");
            params.addValue("owner", filter.ownerId());
        }
        if (filter.withoutNextStep() || filter.overdue()) {
            where.add("stage NOT IN ('ENROLLED', 'LOST')");
        }
        if (filter.withoutNextStep()) {
            where.add("next_action_on IS NULL");
        }
        if (filter.overdue()) {
            where.add("next_action_on < :today");
            params.addValue("today", today());
        }
        if (filter.sourceId() != null) {
            where.add("source_id = :source");
            params.addValue("source", filter.sourceId());
        }
        if (StringUtils.hasText(filter.text())) {
            text(filter.text().strip(), where, params);
        }
        var rows = store.page(String.join(" AND ", where), params, (int) page.getOffset(), page.getPageSize() + 1);
        boolean more = rows.size() > page.getPageSize();
        return new SliceImpl<>(more ? rows.subList(0, page.getPageSize()) : rows, page, more);
    }

    /** An e-mail by equality, a phone in E.164 by equality, else a part of the child's or guardian's name. */
    private void text(String text, List<String> where, MapSqlParameterSource params) {
        if (text.contains("@")) {
            where.add("email = :email");
            params.addValue("email", text.toLowerCase(java.util.Locale.ROOT));
            return;
        }
        if (text.replaceAll("[\\s()+-]", "").matches("\\d{6,}")) {
            try {
                where.add("phone = :phone");
                params.addValue("phone", contacts.phone(text, "text"));
                return;
            } catch (DomainException notAPhone) {
                where.removeLast();
            }
        }
        where.add("(child_name LIKE :name OR guardian_name LIKE :name)");
        params.addValue("name", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    private List<LeadMatch> matches(@Nullable String phone, @Nullable String email) {
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

    private long requireLostReason(@Nullable Long lostReasonId) {
        var reason = lostReasonId == null ? null : store.entries("lead_lost_reason").get(lostReasonId);
        if (reason == null || !reason.active()) {
            throw new DomainException("lostReasonId", "lead.error.lost-reason");
        }
        return reason.id();
    }

    private void requireCampus(long campusId, String field) {
        if (!currentUser.scope().seesCampus(campusId)
                || !institution.campusesById(List.of(campusId)).containsKey(campusId)) {
            throw new NotFoundException(field);
        }
    }

    private StaleEditException stale(long id) {
        var now = store.find(id).orElseThrow(NotFoundException::new);
        return new StaleEditException(String.valueOf(now.updatedBy()), now.updatedAt());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(institution.settings().timeZone()));
    }

    private static @Nullable String text(@Nullable String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }
}
