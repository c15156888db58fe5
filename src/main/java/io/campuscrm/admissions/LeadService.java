package io.campuscrm.admissions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.FamilyService;

import jakarta.validation.Valid;

/**
 * Enrollment leads: entering them (checked against the leads, students and guardians the school knows), reading
 * them, giving them an owner or the pool, moving them through the stages and logging their follow-ups; the list (one
 * paged statement, sorted by whitelisted columns), the board (one grouped count and a page of cards per stage) and
 * bulk actions on a selection (all or none). Admissions users work on the leads of their campuses, administrators on
 * all; a lead of another campus answers as a missing one. Every change is on the lead's history.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class LeadService {

    private static final Set<Role> OWNERS = Set.of(Role.ADMISSIONS, Role.ADMIN);

    /**
     * The properties the list sorts by, and their columns (a stage in the pipeline's order, not the alphabet's). A
     * sort on anything else is a programming error: the columns of the SQL are never taken from the request.
     */
    private static final Map<String, String> SORTS = Map.of("createdAt", "created_at", "childName", "child_name",
            "nextActionOn", "next_action_on", "stage",
            "FIELD(stage, 'NEW', 'CONTACTED', 'TRIAL_BOOKED', 'TRIAL_ATTENDED', 'ENROLLED', 'LOST')");

    /**
     * The sortable properties of {@link #find}: {@code createdAt} (the default, newest first), {@code childName},
     * {@code nextActionOn} and {@code stage}.
     */
    public static final java.util.Set<String> SORTABLE = SORTS.keySet();

    /** The largest page of cards {@link #cards} answers: what a board's column shows before it is scrolled. */
    public static final int BOARD_PAGE = 50;

    /** The most leads one bulk action changes: a screenful of selections, not the whole list. */
    public static final int BULK_MAX = 500;

    private final LeadStore store;
    private final LeadEntry entry;
    private final ContactNormaliser contacts;
    private final FamilyService families;
    private final UserService users;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final LeadClaims claims;
    private final Clock clock;

    LeadService(LeadStore store, LeadEntry entry, ContactNormaliser contacts, FamilyService families,
            UserService users, InstitutionService institution, CurrentUser currentUser,
            ApplicationEventPublisher events, LeadClaims claims, Clock clock) {
        this.claims = claims;
        this.store = store;
        this.entry = entry;
        this.contacts = contacts;
        this.families = families;
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
        return entry.matches(phone, email);
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
        var checked = entry.check(draft);
        if (!checked.valid()) {
            var first = checked.errors().entrySet().iterator().next();
            throw new DomainException(first.getKey(), first.getValue());
        }
        if (!anyway) {
            var found = entry.matches(checked.phone(), checked.email());
            if (!found.isEmpty()) {
                throw new PossibleDuplicateLeadException(found);
            }
        }
        Long owner = currentUser.hasRole(Role.ADMISSIONS) ? currentUser.principal().map(p -> p.userId()).orElse(null)
                : null;
        return entry.insert(checked, LeadChannel.STAFF, owner, currentUser.username(), null, null, null);
    }

    /**
     * Who else the school knows with this lead's phone or e-mail (other leads, to merge; students and guardians, to
     * link the child to their family): what a lead that came in by the form, the endpoint or a file is checked
     * against when staff open it.
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<LeadMatch> matchesOf(long id) {
        var lead = get(id);
        return entry.matches(lead.phone(), lead.email()).stream()
                .filter(m -> m.kind() != LeadMatch.Kind.LEAD || m.id() != id).toList();
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

    /**
     * Gives the lead to an admissions user (or administrator) of its campus, or back to the pool with null. An
     * admissions user hands over their own leads and those of the pool; a colleague's lead is the colleague's (an
     * administrator reassigns it). Giving oneself a lead of the pool is claiming it, with the pool's rules
     * ({@link LeadPoolService#claim}).
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional(isolation = org.springframework.transaction.annotation.Isolation.READ_COMMITTED)
    public Lead assign(long id, long version, @Nullable Long ownerId) {
        var lead = get(id);
        if (ownerId != null && !users.worksAt(ownerId, OWNERS, lead.campusId())) {
            throw new DomainException("ownerId", "lead.error.owner");
        }
        if (java.util.Objects.equals(ownerId, lead.ownerId())) {
            return lead;
        }
        if (lead.version() != version) {
            throw stale(id);
        }
        long me = currentUser.principal().map(p -> p.userId()).orElse(-1L);
        boolean admin = currentUser.hasRole(Role.ADMIN);
        requireMayHandOver(lead, me, admin);
        if (lead.ownerId() == null && ownerId != null && ownerId == me && !admin) {
            return claims.claim(lead, me, currentUser.username());
        }
        var now = clock.instant();
        if (!store.setOwner(id, version, ownerId, now, currentUser.username())) {
            throw stale(id);
        }
        store.event(id, ownerId == null ? "RELEASED" : "OWNER", lead.ownerId() == null ? null
                : String.valueOf(lead.ownerId()), ownerId == null ? null : String.valueOf(ownerId), null, now,
                currentUser.username());
        return store.find(id).orElseThrow();
    }

    /** A colleague's lead is theirs: only an administrator (or the system) gives it to someone else or the pool. */
    private void requireMayHandOver(Lead lead, long me, boolean admin) {
        if (!admin && lead.ownerId() != null && lead.ownerId() != me) {
            throw new DomainException("ownerId", "lead.pool.error.colleagues", lead.childName(),
                    claims.ownerName(lead.ownerId()));
        }
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

    /**
     * Merges two leads that turn out to be one inquiry. The older survives: it keeps its own values and takes from
     * the other only what it lacks (a second contact, the course, the owner, the next step…); the other is kept,
     * marked as merged into it, and its follow-ups and history show on the survivor's page. Enrolled leads are not
     * merged; a lead already merged cannot be merged again.
     *
     * @return the survivor
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public Lead merge(long id, long version, long otherId, long otherVersion) {
        if (id == otherId) {
            throw new DomainException(null, "lead.error.merge-self");
        }
        var one = get(id);
        var other = get(otherId);
        if (one.version() != version || other.version() != otherVersion) {
            throw stale(one.version() != version ? id : otherId);
        }
        if (one.mergedIntoId() != null || other.mergedIntoId() != null) {
            throw new DomainException(null, "lead.error.merged-already");
        }
        if (one.stage() == LeadStage.ENROLLED || other.stage() == LeadStage.ENROLLED) {
            throw new DomainException(null, "lead.error.merge-enrolled");
        }
        boolean oneIsOlder = one.createdAt().isBefore(other.createdAt())
                || (one.createdAt().equals(other.createdAt()) && one.id() < other.id());
        var survivor = oneIsOlder ? one : other;
        var merged = oneIsOlder ? other : one;
        List<String> filled = new ArrayList<>();
        var mine = fillable(survivor);
        fillable(merged).forEach((column, value) -> {
            if (value != null && mine.get(column) == null) {
                filled.add(column);
            }
        });
        boolean takeNext = survivor.stage().open() && survivor.nextActionOn() == null
                && merged.nextActionOn() != null;
        var now = clock.instant();
        String user = currentUser.username();
        if (!store.merge(survivor, merged, filled, takeNext, now, user)) {
            throw stale(survivor.id());
        }
        store.event(survivor.id(), "MERGED", null, String.valueOf(merged.id()), merged.childName(), now, user);
        store.event(merged.id(), "MERGED_INTO", null, String.valueOf(survivor.id()), survivor.childName(), now, user);
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "Lead", survivor.id(), AuditSummary.of(
                "audit.lead.merged", merged.childName(), survivor.childName())));
        return store.find(survivor.id()).orElseThrow();
    }

    /**
     * Undoes a merge (administrators): the merged lead stands on its own again with its follow-ups and history, and
     * what the merge filled in on the survivor is taken back unless it was changed since. A survivor merged on into
     * a third lead is unmerged from that one first.
     *
     * @return the lead that was merged
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Lead undoMerge(long mergedId) {
        var merged = get(mergedId);
        var merge = merged.mergedIntoId() == null ? null : store.mergeOf(mergedId).orElse(null);
        if (merge == null) {
            throw new DomainException(null, "lead.error.not-merged");
        }
        var survivor = store.find(merge.survivorId()).orElseThrow();
        if (survivor.mergedIntoId() != null) {
            throw new DomainException(null, "lead.error.undo-later-merge-first");
        }
        var now = clock.instant();
        String user = currentUser.username();
        store.unmerge(merge, now, user);
        store.event(survivor.id(), "UNMERGED", null, String.valueOf(mergedId), merged.childName(), now, user);
        store.event(mergedId, "UNMERGED", null, String.valueOf(survivor.id()), survivor.childName(), now, user);
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "Lead", mergedId, AuditSummary.of(
                "audit.lead.unmerged", merged.childName(), survivor.childName())));
        return store.find(mergedId).orElseThrow();
    }

    /** The leads merged into this one, oldest first. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<Lead> mergedInto(long id) {
        get(id);
        return store.mergedInto(id);
    }

    /**
     * Links the lead's child to a family the school knows (a sibling of its students, a guardian's other child):
     * converting the lead then adds the child to that family rather than making a new one. Null unlinks. The family
     * must be one the user may see.
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public Lead linkFamily(long id, long version, @Nullable Long familyId) {
        var lead = get(id);
        if (java.util.Objects.equals(familyId, lead.familyId())) {
            return lead;
        }
        String name = null;
        if (familyId != null) {
            try {
                name = families.family(familyId).displayName();
            } catch (NotFoundException unknown) {
                throw new DomainException("familyId", "lead.error.family");
            }
        }
        var now = clock.instant();
        if (!store.setFamily(id, version, familyId, now, currentUser.username())) {
            throw stale(id);
        }
        store.event(id, "FAMILY", lead.familyId() == null ? null : String.valueOf(lead.familyId()),
                familyId == null ? null : String.valueOf(familyId), name, now, currentUser.username());
        return store.find(id).orElseThrow();
    }

    private static java.util.Map<String, @Nullable Object> fillable(Lead lead) {
        java.util.Map<String, @Nullable Object> values = new java.util.LinkedHashMap<>();
        values.put("guardian_name", lead.guardianName());
        values.put("phone", lead.phone());
        values.put("email", lead.email());
        values.put("course_id", lead.courseId());
        values.put("preferred_times", lead.preferredTimes());
        values.put("message", lead.message());
        values.put("campaign_id", lead.campaignId());
        values.put("referring_family_id", lead.referringFamilyId());
        values.put("family_id", lead.familyId());
        values.put("owner_id", lead.ownerId());
        values.put("language", lead.language());
        return values;
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
     * part of the child's or guardian's name. The entry dates ({@code createdFrom} to {@code createdTo}, both
     * included) are days in the institution's time zone; the next action's are its dates.
     */
    public record LeadFilter(@Nullable Long campusId, @Nullable LeadStage stage, @Nullable Long ownerId,
            boolean poolOnly, boolean withoutNextStep, boolean overdue, @Nullable Long sourceId,
            @Nullable String text, @Nullable Long campaignId, @Nullable Long courseId,
            @Nullable LocalDate createdFrom, @Nullable LocalDate createdTo, @Nullable LocalDate nextActionFrom,
            @Nullable LocalDate nextActionTo) {

        public LeadFilter(@Nullable Long campusId, @Nullable LeadStage stage, @Nullable Long ownerId,
                boolean poolOnly, boolean withoutNextStep, boolean overdue, @Nullable Long sourceId,
                @Nullable String text) {
            this(campusId, stage, ownerId, poolOnly, withoutNextStep, overdue, sourceId, text, null, null, null, null,
                    null, null);
        }

        public LeadFilter(@Nullable Long campusId, @Nullable LeadStage stage, @Nullable Long ownerId,
                boolean poolOnly, boolean withoutNextStep, boolean overdue) {
            this(campusId, stage, ownerId, poolOnly, withoutNextStep, overdue, null, null);
        }

        public static LeadFilter all() {
            return new LeadFilter(null, null, null, false, false, false);
        }

        /** The same filter on one stage (a board's column). */
        public LeadFilter withStage(@Nullable LeadStage onStage) {
            return new LeadFilter(campusId, onStage, ownerId, poolOnly, withoutNextStep, overdue, sourceId, text,
                    campaignId, courseId, createdFrom, createdTo, nextActionFrom, nextActionTo);
        }

        /** The same filter on one campus (a board's). */
        public LeadFilter withCampus(@Nullable Long onCampus) {
            return new LeadFilter(onCampus, stage, ownerId, poolOnly, withoutNextStep, overdue, sourceId, text,
                    campaignId, courseId, createdFrom, createdTo, nextActionFrom, nextActionTo);
        }
    }

    /**
     * A page of the leads the user may see that match the filter, in the page's sort (newest first when unsorted; the
     * id breaks ties, so that pages neither skip nor repeat a lead): one statement.
     *
     * @throws IllegalArgumentException on a sort by anything but {@link #SORTABLE}
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public Slice<Lead> find(LeadFilter filter, Pageable page) {
        var where = where(filter);
        var rows = store.page(where.sql(), where.params(), orderBy(page.getSort()), (int) page.getOffset(),
                page.getPageSize() + 1);
        boolean more = rows.size() > page.getPageSize();
        return new SliceImpl<>(more ? rows.subList(0, page.getPageSize()) : rows, page, more);
    }

    /**
     * How many of the leads the user may see match the filter, in each stage (every stage, zero for none): one
     * grouped statement, whatever the number of leads — the board's column headers and the sizes of its lazy
     * columns. The filter's own stage, if any, is ignored.
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public Map<LeadStage, Long> stageCounts(LeadFilter filter) {
        var where = where(filter.withStage(null));
        var found = store.stageCounts(where.sql(), where.params());
        Map<LeadStage, Long> counts = new EnumMap<>(LeadStage.class);
        for (LeadStage stage : LeadStage.values()) {
            counts.put(stage, found.getOrDefault(stage, 0L));
        }
        return counts;
    }

    /**
     * A page of the board's cards of one stage, from {@code offset} (any: a lazy list asks for the rows it scrolls
     * to), at most {@link #BOARD_PAGE} of them whatever {@code limit} asks: those without a next step first, then
     * the soonest next action. One statement for the cards, with their sources, and one for their owners' names.
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<LeadCard> cards(LeadFilter filter, LeadStage stage, long offset, int limit) {
        var where = where(filter.withStage(stage));
        var rows = store.cards(where.sql(), where.params(), Math.max(0, offset), Math.clamp(limit, 0, BOARD_PAGE));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, String> owners = users.displayNames(rows.stream().map(LeadStore.CardRow::ownerId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        var today = today();
        return rows.stream().map(r -> new LeadCard(r.id(), r.version(), r.childName(), r.guardianName(),
                r.ownerId(), r.ownerId() == null ? null : owners.getOrDefault(r.ownerId(), "#" + r.ownerId()),
                new LeadChoice(r.sourceId(), r.sourceKey(), r.sourceName()), r.stage(), r.nextAction(),
                r.nextActionOn(), r.stage().open() && r.nextActionOn() != null && r.nextActionOn().isBefore(today)))
                .toList();
    }


    /**
     * Gives these leads (as the user saw them: ids and versions) to an admissions user (or administrator) of their
     * campuses, or back to the pool with null: all or none, each change on the lead's history. Those that already
     * have that owner are left as they are.
     *
     * @return how many leads changed
     * @throws NotFoundException   when one of them is not in the user's reach (or does not exist): nothing changes
     * @throws StaleEditException  when one of them changed since it was shown: nothing changes
     * @throws DomainException     on {@code ownerId} when the owner does not work at one of their campuses
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional(isolation = org.springframework.transaction.annotation.Isolation.READ_COMMITTED)
    public int bulkAssign(Collection<LeadRef> refs, @Nullable Long ownerId) {
        var locked = lockForBulk(refs);
        if (ownerId != null) {
            for (long campus : locked.stream().map(Lead::campusId).collect(java.util.stream.Collectors.toSet())) {
                if (!users.worksAt(ownerId, OWNERS, campus)) {
                    throw new DomainException("ownerId", "lead.error.owner");
                }
            }
        }
        long me = currentUser.principal().map(p -> p.userId()).orElse(-1L);
        boolean admin = currentUser.hasRole(Role.ADMIN);
        Map<Long, Long> changing = new java.util.LinkedHashMap<>();
        List<LeadStore.NewEvent> history = new ArrayList<>();
        List<Lead> claimed = new ArrayList<>();
        var now = clock.instant();
        String user = currentUser.username();
        for (Lead lead : locked) {
            if (!java.util.Objects.equals(ownerId, lead.ownerId())) {
                requireMayHandOver(lead, me, admin);
                boolean claim = lead.ownerId() == null && ownerId != null && ownerId == me && !admin;
                if (claim) {
                    claimed.add(lead);
                }
                changing.put(lead.id(), lead.version());
                history.add(new LeadStore.NewEvent(lead.id(), claim ? "CLAIMED" : ownerId == null ? "RELEASED"
                        : "OWNER", lead.ownerId() == null ? null : String.valueOf(lead.ownerId()),
                        ownerId == null ? null : String.valueOf(ownerId), null, now, user));
            }
        }
        if (!claimed.isEmpty()) {
            claims.requireClaimable(claimed, me, user);
        }
        if (!changing.isEmpty()) {
            store.setOwners(changing, ownerId, now, user);
            store.eventsAll(history);
        }
        return changing.size();
    }

    /**
     * Closes these leads as lost with the reason: all or none, each on its history. Those already lost are left as
     * they are; an enrolled one refuses the whole action.
     *
     * @return how many leads changed
     * @throws NotFoundException  when one of them is not in the user's reach: nothing changes
     * @throws StaleEditException when one of them changed since it was shown: nothing changes
     * @throws DomainException    on {@code lostReasonId} for a missing or inactive reason; naming the child of an
     *                            enrolled lead
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public int bulkMarkLost(Collection<LeadRef> refs, @Nullable Long lostReasonId) {
        long reason = requireLostReason(lostReasonId);
        var locked = lockForBulk(refs);
        Map<Long, Long> changing = new java.util.LinkedHashMap<>();
        List<LeadStore.NewEvent> history = new ArrayList<>();
        var now = clock.instant();
        String user = currentUser.username();
        for (Lead lead : locked) {
            if (lead.stage() == LeadStage.ENROLLED) {
                throw new DomainException(null, "lead.bulk.error.enrolled", lead.childName());
            }
            if (lead.stage() != LeadStage.LOST) {
                changing.put(lead.id(), lead.version());
                history.add(new LeadStore.NewEvent(lead.id(), "STAGE", lead.stage().name(), LeadStage.LOST.name(),
                        String.valueOf(reason), now, user));
            }
        }
        if (!changing.isEmpty()) {
            store.setLost(changing, reason, now, user);
            store.eventsAll(history);
        }
        return changing.size();
    }

    /**
     * The leads of a bulk action, locked for the rest of the transaction: every one in reach and unchanged since it
     * was shown, or the whole action is refused.
     */
    private List<Lead> lockForBulk(Collection<LeadRef> refs) {
        if (refs.isEmpty()) {
            throw new DomainException(null, "lead.bulk.error.none");
        }
        Map<Long, Long> versions = new java.util.LinkedHashMap<>();
        refs.forEach(r -> versions.put(r.id(), r.version()));
        if (versions.size() > BULK_MAX) {
            throw new DomainException(null, "lead.bulk.error.too-many", BULK_MAX);
        }
        var scope = currentUser.scope();
        var found = store.lockAll(versions.keySet());
        List<Lead> locked = new ArrayList<>();
        for (var wanted : versions.entrySet()) {
            var lead = found.get(wanted.getKey());
            if (lead == null || lead.mergedIntoId() != null || !scope.seesCampus(lead.campusId())) {
                throw new NotFoundException();
            }
            locked.add(lead);
        }
        for (Lead lead : locked) {
            if (lead.version() != versions.get(lead.id())) {
                throw new StaleEditException(String.valueOf(lead.updatedBy()), lead.updatedAt());
            }
        }
        return locked;
    }

    /** The SQL of a filter, with the user's campuses: the list's, the board's counts and cards, the export's. */
    private record Where(String sql, MapSqlParameterSource params) {
    }

    private Where where(LeadFilter filter) {
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
        if (filter.campaignId() != null) {
            where.add("campaign_id = :campaign");
            params.addValue("campaign", filter.campaignId());
        }
        if (filter.courseId() != null) {
            where.add("course_id = :course");
            params.addValue("course", filter.courseId());
        }
        ZoneId zone = filter.createdFrom() != null || filter.createdTo() != null ? institution.settings().timeZone()
                : ZoneOffset.UTC;
        if (filter.createdFrom() != null) {
            where.add("created_at >= :createdFrom");
            params.addValue("createdFrom", UtcDateTime.of(filter.createdFrom().atStartOfDay(zone).toInstant()));
        }
        if (filter.createdTo() != null) {
            where.add("created_at < :createdTo");
            params.addValue("createdTo", UtcDateTime.of(filter.createdTo().plusDays(1).atStartOfDay(zone)
                    .toInstant()));
        }
        if (filter.nextActionFrom() != null) {
            where.add("next_action_on >= :nextFrom");
            params.addValue("nextFrom", filter.nextActionFrom());
        }
        if (filter.nextActionTo() != null) {
            where.add("next_action_on <= :nextTo");
            params.addValue("nextTo", filter.nextActionTo());
        }
        if (StringUtils.hasText(filter.text())) {
            text(filter.text().strip(), where, params);
        }
        return new Where(String.join(" AND ", where), params);
    }

    /** The ORDER BY of a sort: whitelisted columns only, and the id last in the first order's direction. */
    private static String orderBy(Sort sort) {
        if (sort.isUnsorted()) {
            return "created_at DESC, id DESC";
        }
        List<String> orders = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = SORTS.get(order.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Leads are not sorted by " + order.getProperty());
            }
            orders.add(column + (order.isAscending() ? " ASC" : " DESC"));
        }
        orders.add("id" + (sort.iterator().next().isAscending() ? " ASC" : " DESC"));
        return String.join(", ", orders);
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
