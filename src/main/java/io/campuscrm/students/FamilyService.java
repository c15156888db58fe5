package io.campuscrm.students;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.internal.DuplicateFinder;
import io.campuscrm.students.internal.FamilyEntity;
import io.campuscrm.students.internal.FamilyRepository;
import io.campuscrm.students.internal.FamilySearchRepository;
import io.campuscrm.students.internal.GuardianEntity;
import io.campuscrm.students.internal.GuardianRepository;
import io.campuscrm.students.internal.StudentAccess;
import io.campuscrm.students.internal.StudentEntity;
import io.campuscrm.students.internal.StudentEventEntity.Kind;
import io.campuscrm.students.internal.StudentHistory;
import io.campuscrm.students.internal.StudentRepository;
import io.campuscrm.students.internal.StudentScope;
import io.campuscrm.students.internal.StudentWriter;

import jakarta.validation.Valid;

/**
 * Families (the paying unit) and their guardians. Administrators and admissions find families across campuses (to
 * link a sibling) and change them when they may see one of the family's students; others read a family through the
 * students they may see.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class FamilyService {

    private final FamilyRepository families;
    private final GuardianRepository guardians;
    private final StudentRepository students;
    private final FamilySearchRepository search;
    private final StudentAccess access;
    private final DuplicateFinder duplicates;
    private final StudentWriter writer;
    private final StudentHistory history;
    private final ContactNormaliser contacts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    FamilyService(FamilyRepository families, GuardianRepository guardians, StudentRepository students,
            FamilySearchRepository search, StudentAccess access, DuplicateFinder duplicates, StudentWriter writer,
            StudentHistory history, ContactNormaliser contacts, CurrentUser currentUser,
            ApplicationEventPublisher events) {
        this.families = families;
        this.guardians = guardians;
        this.students = students;
        this.search = search;
        this.access = access;
        this.duplicates = duplicates;
        this.writer = writer;
        this.history = history;
        this.contacts = contacts;
        this.currentUser = currentUser;
        this.events = events;
    }

    /**
     * Families by number, family or guardian name, guardian phone or e-mail, or a member's name: for linking a new
     * student or guardian to a family, which may be one whose children go to another campus (siblings). Families with
     * no student the user may see come {@linkplain FamilySummary#masked() masked}.
     */
    @PreAuthorize(StudentRoles.WRITE)
    public List<FamilySummary> findFamilies(String text, int limit) {
        return visible(search.find(text, limit));
    }

    /** The families, those with no student the user may see masked. */
    private List<FamilySummary> visible(List<FamilySummary> found) {
        var scope = access.scope();
        if (found.isEmpty() || scope.campusIds() == null && scope.studentIds() == null) {
            return found;
        }
        Set<Long> seen = new HashSet<>();
        Set<Long> withMembers = new HashSet<>();
        for (var member : students.membersOf(found.stream().map(FamilySummary::id).toList())) {
            withMembers.add(member.familyId());
            if (scope.allows(member.studentId(), member.campusId())) {
                seen.add(member.familyId());
            }
        }
        return found.stream().map(f -> seen.contains(f.id()) || !withMembers.contains(f.id()) ? f : f.masked())
                .toList();
    }

    /**
     * Families by id as a picker lists them, masked like {@link #findFamilies}'s: to label a record that refers to a
     * family (a lead's referring family) and to check that the family exists. An unknown id is left out.
     */
    @PreAuthorize(StudentRoles.WRITE)
    public Map<Long, FamilySummary> summaries(Collection<Long> familyIds) {
        if (familyIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, FamilySummary> byId = new LinkedHashMap<>();
        visible(search.summaries(Set.copyOf(familyIds))).forEach(f -> byId.put(f.id(), f));
        return byId;
    }

    /** A family with its guardians' contacts: only when the user may see one of its students. */
    @PreAuthorize(StudentRoles.READ)
    public FamilyView family(long familyId) {
        var family = load(familyId);
        var scope = access.scope();
        List<StudentEntity> members = students.findByFamilyIdOrderByBirthDateAscIdAsc(familyId);
        if (members.stream().noneMatch(s -> scope.allows(s.getId(), s.getCampusId()))
                && !(members.isEmpty() && canWrite())) {
            throw new NotFoundException();
        }
        return view(family, members, scope);
    }

    private boolean canWrite() {
        return currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.ADMISSIONS);
    }

    @PreAuthorize(StudentRoles.WRITE)
    @Transactional
    public FamilyView updateFamily(long familyId, long version, @Valid FamilyDraft draft) {
        var family = editable(familyId);
        family.checkVersion(version);
        if (!StringUtils.hasText(draft.displayName())) {
            throw new DomainException("displayName", "family.error.name-required");
        }
        var before = new FamilyDraft(family.getDisplayName(), family.getAddress(), family.getPreferredLanguage());
        family.apply(draft.displayName(), draft.address() == null ? "" : draft.address());
        family.setPreferredLanguage(draft.preferredLanguage());
        families.saveAndFlush(family);
        var after = new FamilyDraft(family.getDisplayName(), family.getAddress(), family.getPreferredLanguage());
        events.publishEvent(AuditEvent.updated("Family", familyId,
                AuditSummary.of("audit.family.changed", family.getFamilyNumber()), before, after));
        return family(familyId);
    }

    /**
     * Adds a guardian to a family.
     *
     * @throws PossibleDuplicatesException when a student or guardian already has this phone or e-mail and
     *                                     {@code addAnyway} is false
     */
    @PreAuthorize(StudentRoles.WRITE)
    @Transactional
    public GuardianView addGuardian(long familyId, @Valid GuardianDraft draft, boolean addAnyway) {
        var family = editable(familyId);
        var normalised = normalise(draft);
        if (!addAnyway) {
            var matches = duplicates.find(DuplicateMatch.guardianEntry(0), normalised.phone(), normalised.email(),
                    null, null, Set.of())
                    .stream()
                    .filter(m -> m.kind() == DuplicateMatch.Kind.GUARDIAN || m.familyId() != familyId)
                    .toList();
            if (!matches.isEmpty()) {
                throw new PossibleDuplicatesException(matches);
            }
        }
        var guardian = writer.addGuardian(family, normalised);
        recordForMembers(familyId, Kind.GUARDIAN_ADDED, guardian.getFullName(), null);
        return guardian.toView();
    }

    @PreAuthorize(StudentRoles.WRITE)
    @Transactional
    public GuardianView updateGuardian(long guardianId, long version, @Valid GuardianDraft draft) {
        var guardian = guardians.findById(guardianId).orElseThrow(() -> new NotFoundException());
        editable(guardian.getFamilyId());
        guardian.checkVersion(version);
        var normalised = normalise(draft);
        var before = guardian.toView().toDraft();
        if (normalised.primaryContact()) {
            writer.clearPrimary(guardian.getFamilyId(), guardian.getId());
        }
        guardian.apply(normalised.fullName(), normalised.relationship(), normalised.phone(), normalised.email(),
                normalised.preferredLanguage(), normalised.primaryContact());
        var saved = guardians.saveAndFlush(guardian);
        String diff = AuditEvent.diff(before, saved.toView().toDraft());
        if (!diff.isEmpty()) {
            recordForMembers(saved.getFamilyId(), Kind.GUARDIAN_UPDATED, saved.getFullName(), diff);
            events.publishEvent(AuditEvent.updated("Guardian", guardianId,
                    AuditSummary.of("audit.guardian.changed", saved.getFullName()), before, saved.toView().toDraft()));
        }
        return saved.toView();
    }

    @PreAuthorize(StudentRoles.WRITE)
    @Transactional
    public void removeGuardian(long guardianId, long version) {
        var guardian = guardians.findById(guardianId).orElseThrow(() -> new NotFoundException());
        editable(guardian.getFamilyId());
        guardian.checkVersion(version);
        guardians.delete(guardian);
        guardians.flush();
        recordForMembers(guardian.getFamilyId(), Kind.GUARDIAN_REMOVED, guardian.getFullName(), null);
        events.publishEvent(AuditEvent.of(AuditAction.DELETE, "Guardian", guardianId,
                AuditSummary.of("audit.guardian.removed", guardian.getFullName(),
                        load(guardian.getFamilyId()).getFamilyNumber())));
    }

    private GuardianDraft normalise(GuardianDraft draft) {
        String region = contacts.region();
        return new GuardianDraft(draft.fullName().strip(), draft.relationship(),
                ContactNormaliser.phone(draft.phone(), "phone", region), contacts.email(draft.email(), "email"),
                draft.preferredLanguage(), draft.primaryContact());
    }

    private void recordForMembers(long familyId, Kind kind, String subject, @Nullable String details) {
        students.findByFamilyIdOrderByBirthDateAscIdAsc(familyId)
                .forEach(s -> history.record(s.getId(), kind, subject, details));
    }

    private FamilyEntity load(long familyId) {
        return families.findById(familyId).orElseThrow(() -> new NotFoundException());
    }

    /** A user changes a family only when they may see one of its students (or it has none yet). */
    private FamilyEntity editable(long familyId) {
        var family = load(familyId);
        var scope = access.scope();
        var members = students.findByFamilyIdOrderByBirthDateAscIdAsc(familyId);
        if (!members.isEmpty() && members.stream().noneMatch(s -> scope.allows(s.getId(), s.getCampusId()))) {
            throw new NotFoundException();
        }
        return family;
    }

    private FamilyView view(FamilyEntity family, List<StudentEntity> members, StudentScope scope) {
        return new FamilyView(family.getId(), family.getFamilyNumber(), family.getDisplayName(), family.getAddress(),
                family.getPreferredLanguage(), family.getVersion(), guardians.findByFamily(family.getId()).stream().map(GuardianEntity::toView)
                        .toList(),
                members.stream().filter(s -> scope.allows(s.getId(), s.getCampusId())).map(StudentEntity::toRef)
                        .toList());
    }
}
