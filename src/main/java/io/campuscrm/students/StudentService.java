package io.campuscrm.students;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.students.internal.DuplicateFinder;
import io.campuscrm.students.internal.FamilyEntity;
import io.campuscrm.students.internal.FamilyRepository;
import io.campuscrm.students.internal.GuardianEntity;
import io.campuscrm.students.internal.GuardianRepository;
import io.campuscrm.students.internal.SearchQuery;
import io.campuscrm.students.internal.SearchText;
import io.campuscrm.students.internal.SearchTokenWriter;
import io.campuscrm.students.internal.StudentAccess;
import io.campuscrm.students.internal.StudentDocumentRepository;
import io.campuscrm.students.internal.StudentEntity;
import io.campuscrm.students.internal.StudentEventEntity.Kind;
import io.campuscrm.students.internal.StudentHistory;
import io.campuscrm.students.internal.StudentNoteRepository;
import io.campuscrm.students.internal.StudentRepository;
import io.campuscrm.students.internal.StudentScope;
import io.campuscrm.students.internal.StudentSearchRepository;
import io.campuscrm.students.internal.StudentWriter;

import jakarta.validation.Valid;

/**
 * Students: search and list, the student file, creating a student with or into a family (refusing likely
 * duplicates unless the user insists), editing, and the lookups other modules use. Administrators and admissions
 * change; finance reads; a teacher reads only their students ({@link TeacherStudentScope}); users with campuses
 * see and change only those campuses' students. Every open of a file is in the audit log.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class StudentService {

    static final String READ = "hasAnyRole('ADMIN', 'ADMISSIONS', 'FINANCE', 'TEACHER')";
    static final String WRITE = "hasAnyRole('ADMIN', 'ADMISSIONS')";
    /** Student numbers named in one audit line at most (the details column is a TEXT). */
    private static final int AUDITED_NUMBERS = 2000;

    private final StudentRepository students;
    private final FamilyRepository families;
    private final GuardianRepository guardians;
    private final StudentSearchRepository search;
    private final StudentNoteRepository notes;
    private final StudentDocumentRepository documents;
    private final StudentAccess access;
    private final DuplicateFinder duplicates;
    private final StudentWriter writer;
    private final SearchTokenWriter tokens;
    private final StudentHistory history;
    private final ContactNormaliser contacts;
    private final InstitutionService institution;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StudentService(StudentRepository students, FamilyRepository families, GuardianRepository guardians,
            StudentSearchRepository search, StudentNoteRepository notes, StudentDocumentRepository documents,
            StudentAccess access, DuplicateFinder duplicates, StudentWriter writer, SearchTokenWriter tokens,
            StudentHistory history, ContactNormaliser contacts, InstitutionService institution,
            ApplicationEventPublisher events, Clock clock) {
        this.students = students;
        this.families = families;
        this.guardians = guardians;
        this.search = search;
        this.notes = notes;
        this.documents = documents;
        this.access = access;
        this.duplicates = duplicates;
        this.writer = writer;
        this.tokens = tokens;
        this.history = history;
        this.contacts = contacts;
        this.institution = institution;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A page of the students the user may see that match the filter. With a text and no sort, the best matches
     * come first (exact number, phone or e-mail; then names that start with it; then any part); otherwise by the
     * page's sort ({@code fullName}, {@code studentNumber}, {@code status}, {@code createdAt}, {@code birthDate}).
     */
    @PreAuthorize(READ)
    public Slice<StudentSummary> find(StudentFilter filter, Pageable page) {
        var query = StringUtils.hasText(filter.text()) ? SearchQuery.of(filter.text()) : null;
        var filters = new StudentSearchRepository.Filters(filter.status(), filter.campusId(),
                StringUtils.hasText(filter.tag()) ? filter.tag().strip() : null);
        return search.find(query, filters, access.scope(), page);
    }

    /** The quick search: the best {@code limit} matches of one search text. */
    @PreAuthorize(READ)
    public List<StudentSummary> quickSearch(String text, int limit) {
        if (!StringUtils.hasText(text)) {
            return List.of();
        }
        return search.find(SearchQuery.of(text), new StudentSearchRepository.Filters(null, null, null),
                access.scope(), org.springframework.data.domain.PageRequest.of(0, limit)).getContent();
    }

    /**
     * Names and numbers of these students, for other modules' lists (rosters, invoices). Students the user may
     * not see are left out of the map, so callers show a placeholder for a missing id.
     */
    @PreAuthorize(READ)
    public Map<Long, StudentRef> references(Collection<Long> ids) {
        return search.references(Set.copyOf(ids), access.scope());
    }

    @PreAuthorize(READ)
    public Optional<StudentRef> reference(long id) {
        return Optional.ofNullable(references(List.of(id)).get(id));
    }

    /**
     * Chinese names and guardians' contacts of these students in one call, for rosters. Students the user may not
     * see are left out of the map. Written to the audit log (one line naming the students), as opening files is.
     */
    @PreAuthorize(READ)
    @Transactional
    public Map<Long, StudentContacts> contacts(Collection<Long> ids) {
        var scope = access.scope();
        if (ids.isEmpty() || scope.seesNothing()) {
            return Map.of();
        }
        var visible = students.findAllById(Set.copyOf(ids)).stream()
                .filter(s -> scope.allows(s.getId(), s.getCampusId())).toList();
        if (visible.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<GuardianView>> byFamily = new java.util.HashMap<>();
        guardians.findByFamilies(visible.stream().map(StudentEntity::getFamilyId).collect(java.util.stream.Collectors
                .toSet())).forEach(g -> byFamily.computeIfAbsent(g.getFamilyId(), k -> new ArrayList<>()).add(g.toView()));
        Map<Long, StudentContacts> result = new java.util.LinkedHashMap<>();
        for (var student : visible) {
            result.put(student.getId(), new StudentContacts(student.getId(), student.toDetails().chineseName(),
                    byFamily.getOrDefault(student.getFamilyId(), List.of())));
        }
        events.publishEvent(new AuditEvent(AuditAction.READ, "Student", null,
                "Read the guardians' contacts of " + result.size() + " students",
                visible.stream().map(StudentEntity::getStudentNumber).sorted().limit(AUDITED_NUMBERS)
                        .collect(java.util.stream.Collectors.joining(", "))
                        + (visible.size() > AUDITED_NUMBERS ? ", …" : "")));
        return result;
    }

    /** Opens a student's file: the student, family, siblings and counts. Written to the audit log. */
    @PreAuthorize(READ)
    @Transactional
    public StudentFile file(long id) {
        var scope = access.scope();
        var student = visible(id, scope);
        var family = families.findById(student.getFamilyId()).orElseThrow();
        var guardianViews = guardians.findByFamily(family.getId()).stream().map(GuardianEntity::toView).toList();
        List<StudentRef> members = students.findByFamilyIdOrderByBirthDateAscIdAsc(family.getId()).stream()
                .filter(s -> scope.allows(s.getId(), s.getCampusId())).map(StudentEntity::toRef).toList();
        var familyView = new FamilyView(family.getId(), family.getFamilyNumber(), family.getDisplayName(),
                family.getAddress(), family.getVersion(), guardianViews, members);
        var siblings = members.stream().filter(s -> s.id() != id).toList();
        events.publishEvent(AuditEvent.of(AuditAction.READ, "Student", id,
                "Opened the file of " + student.getStudentNumber() + " " + student.getFullName()));
        return new StudentFile(student.toDetails(), familyView, siblings, documents.countByStudentId(id),
                notes.countByStudentId(id));
    }

    /**
     * Existing students and guardians that look like this entry (same phone, e-mail, or name and birth date),
     * without creating anything. Matches inside the family the student joins are not duplicates.
     */
    @PreAuthorize(WRITE)
    public List<DuplicateMatch> findDuplicates(@Valid NewStudent request) {
        return duplicatesOf(normalise(request));
    }

    /**
     * Creates a student, with a new family and its guardians or into an existing family, in one transaction.
     *
     * @throws PossibleDuplicatesException when the entry looks like existing people and {@code createAnyway} is
     *                                     false; nothing is saved
     * @throws DomainException             on the field of an invalid phone, e-mail, campus or family
     */
    @PreAuthorize(WRITE)
    @Transactional
    public StudentDetails create(@Valid NewStudent request) {
        var scope = access.scope();
        var normalised = normalise(request);
        requireCampus(normalised.student().campusId(), scope);
        FamilyEntity family = null;
        if (normalised.familyId() != null) {
            family = families.findById(normalised.familyId())
                    .orElseThrow(() -> new NotFoundException("familyId"));
        }
        if (!request.createAnyway()) {
            var matches = duplicatesOf(normalised);
            if (!matches.isEmpty()) {
                throw new PossibleDuplicatesException(matches);
            }
        }
        if (family == null) {
            FamilyDraft draft = normalised.newFamily() == null ? FamilyDraft.unnamed() : normalised.newFamily();
            family = writer.createFamily(familyName(draft, normalised),
                    Objects.requireNonNullElse(draft.address(), ""));
        }
        // A new family's first guardian is its primary contact unless the user chose another.
        boolean firstIsPrimary = normalised.familyId() == null
                && normalised.guardians().stream().noneMatch(GuardianDraft::primaryContact);
        for (int i = 0; i < normalised.guardians().size(); i++) {
            var g = normalised.guardians().get(i);
            writer.addGuardian(family, i == 0 && firstIsPrimary
                    ? new GuardianDraft(g.fullName(), g.relationship(), g.phone(), g.email(), true) : g);
        }
        var student = writer.createStudent(family, normalised.student(), Kind.CREATED);
        return student.toDetails();
    }

    /**
     * Saves an edited student.
     *
     * @throws io.campuscrm.shared.domain.StaleEditException when someone saved it after {@code version}
     */
    @PreAuthorize(WRITE)
    @Transactional
    public StudentDetails update(long id, long version, @Valid StudentDraft draft) {
        var scope = access.scope();
        var student = visible(id, scope);
        student.checkVersion(version);
        String region = contacts.region();
        var normalised = normaliseStudent(draft, region);
        requireCampus(normalised.campusId(), scope);
        var before = student.toDetails();
        student.apply(normalised);
        var saved = students.saveAndFlush(student);
        var after = saved.toDetails();
        if (!Objects.equals(before.fullName(), after.fullName())
                || !Objects.equals(before.preferredName(), after.preferredName())
                || !Objects.equals(before.chineseName(), after.chineseName())) {
            tokens.replace(id, SearchText.tokens(before.fullName(), before.preferredName(), before.chineseName())
                    .keySet(), saved.searchTokens(), saved.sortKey());
        }
        String diff = AuditEvent.diff(before.toDraft(), after.toDraft());
        if (!diff.isEmpty()) {
            if (before.status() != after.status()) {
                history.record(id, Kind.STATUS_CHANGED, TimelineEntry.key(after.status().messageKey()), null);
            }
            history.record(id, Kind.UPDATED, changedFields(before.toDraft(), after.toDraft()), diff);
            events.publishEvent(AuditEvent.updated("Student", id,
                    "Changed student " + saved.getStudentNumber() + " " + saved.getFullName(), before.toDraft(),
                    after.toDraft()));
        }
        return after;
    }

    /** Moves a student to another family, e.g. when a sibling's family is found later. */
    @PreAuthorize(WRITE)
    @Transactional
    public StudentDetails moveToFamily(long id, long version, long familyId) {
        var student = visible(id, access.scope());
        student.checkVersion(version);
        var target = families.findById(familyId).orElseThrow(() -> new NotFoundException("familyId"));
        var from = families.findById(student.getFamilyId()).orElseThrow();
        if (from.getId().equals(target.getId())) {
            return student.toDetails();
        }
        student.moveTo(target.getId());
        var saved = students.saveAndFlush(student);
        history.record(id, Kind.FAMILY_CHANGED, target.getFamilyNumber() + " " + target.getDisplayName(),
                "family: " + from.getFamilyNumber() + " → " + target.getFamilyNumber());
        events.publishEvent(new AuditEvent(AuditAction.UPDATE, "Student", String.valueOf(id),
                "Moved student " + saved.getStudentNumber() + " to family " + target.getFamilyNumber(),
                "family: " + from.getFamilyNumber() + " → " + target.getFamilyNumber()));
        return saved.toDetails();
    }

    /** Tags in use that start with {@code prefix}, for autocomplete. */
    @PreAuthorize(READ)
    public List<String> tags(String prefix, int limit) {
        return search.tags(prefix, limit, access.scope());
    }

    /** Students per status and new this month, among the students the user may see. */
    @PreAuthorize(READ)
    public StudentStats stats() {
        var scope = access.scope();
        boolean all = scope.campusIds() == null;
        Collection<Long> campusIds = all || scope.campusIds().isEmpty() ? List.of(-1L) : scope.campusIds();
        boolean allStudents = scope.studentIds() == null;
        Collection<Long> studentIds = allStudents || scope.studentIds().isEmpty() ? List.of(-1L) : scope.studentIds();
        Map<StudentStatus, Long> byStatus = new EnumMap<>(StudentStatus.class);
        for (Object[] row : students.countByStatus(all, campusIds, allStudents, studentIds)) {
            byStatus.put((StudentStatus) row[0], (Long) row[1]);
        }
        var zone = institution.settings().timeZone();
        var monthStart = ZonedDateTime.now(clock.withZone(zone)).toLocalDate().withDayOfMonth(1).atStartOfDay(zone)
                .toInstant();
        return new StudentStats(byStatus, students.countCreatedSince(monthStart, all, campusIds, allStudents,
                studentIds));
    }

    private StudentEntity visible(long id, StudentScope scope) {
        var student = students.findById(id).orElseThrow(() -> new NotFoundException());
        access.requireVisible(scope, id, student.getCampusId());
        return student;
    }

    private void requireCampus(@Nullable Long campusId, StudentScope scope) {
        if (campusId != null && institution.campusesById(List.of(campusId)).isEmpty()) {
            throw new DomainException("campusId", "student.error.unknown-campus");
        }
        if (campusId == null && !institution.campuses().isEmpty()) {
            throw new DomainException("campusId", "student.error.campus-required");
        }
        access.requireCampus(scope, campusId);
    }

    private NewStudent normalise(NewStudent request) {
        String region = contacts.region();
        var student = normaliseStudent(request.student(), region);
        List<GuardianDraft> normalisedGuardians = new ArrayList<>();
        for (int i = 0; i < request.guardians().size(); i++) {
            normalisedGuardians.add(normaliseGuardian(request.guardians().get(i), "guardians[" + i + "].", region));
        }
        return new NewStudent(student, request.familyId(), request.newFamily(), normalisedGuardians,
                request.createAnyway());
    }

    private StudentDraft normaliseStudent(StudentDraft draft, String region) {
        return new StudentDraft(draft.fullName().strip(), draft.preferredName(), draft.chineseName(),
                draft.birthDate(), ContactNormaliser.phone(draft.phone(), "phone", region),
                contacts.email(draft.email(), "email"), draft.school(), draft.grade(), draft.status(),
                draft.campusId(), draft.tags());
    }

    private GuardianDraft normaliseGuardian(GuardianDraft draft, String fieldPrefix, String region) {
        return new GuardianDraft(draft.fullName().strip(), draft.relationship(),
                ContactNormaliser.phone(draft.phone(), fieldPrefix + "phone", region),
                contacts.email(draft.email(), fieldPrefix + "email"), draft.primaryContact());
    }

    private List<DuplicateMatch> duplicatesOf(NewStudent normalised) {
        var student = normalised.student();
        List<DuplicateMatch> matches = new ArrayList<>(duplicates.find(DuplicateMatch.STUDENT_ENTRY, student.phone(),
                student.email(), SearchText.nameKey(student.fullName()), student.birthDate(), Set.of()));
        for (int i = 0; i < normalised.guardians().size(); i++) {
            var g = normalised.guardians().get(i);
            matches.addAll(duplicates.find(DuplicateMatch.guardianEntry(i), g.phone(), g.email(), null, null,
                    Set.of()));
        }
        Long familyId = normalised.familyId();
        // Joining a family: sharing a phone or e-mail with its own members is expected (a child on mum's phone).
        return matches.stream()
                .filter(m -> familyId == null || m.familyId() != familyId
                        || m.reason() == DuplicateMatch.Reason.NAME_AND_BIRTH_DATE
                        || m.kind() == DuplicateMatch.Kind.GUARDIAN && m.enteredFor().startsWith("guardian"))
                .filter(distinctBy(new HashSet<>()))
                .toList();
    }

    private static Predicate<DuplicateMatch> distinctBy(Set<String> seen) {
        return m -> seen.add(m.kind() + ":" + m.id() + ":" + m.reason() + ":" + m.enteredFor());
    }

    /** The family's name: as entered, else the primary guardian's, else the student's. */
    private static String familyName(FamilyDraft draft, NewStudent request) {
        if (StringUtils.hasText(draft.displayName())) {
            return draft.displayName().strip();
        }
        return request.guardians().stream().filter(GuardianDraft::primaryContact).findFirst()
                .or(() -> request.guardians().stream().findFirst())
                .map(GuardianDraft::fullName)
                .orElse(request.student().fullName());
    }

    private static String changedFields(StudentDraft before, StudentDraft after) {
        List<String> fields = new ArrayList<>();
        for (String line : AuditEvent.diff(before, after).split("\n")) {
            fields.add(line.substring(0, line.indexOf(':')));
        }
        return String.join(", ", fields);
    }
}
