package io.campuscrm.students;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
import io.campuscrm.students.internal.FamilyEntity;
import io.campuscrm.students.internal.FamilyRepository;
import io.campuscrm.students.internal.SearchText;
import io.campuscrm.students.internal.SearchTokenWriter;
import io.campuscrm.students.internal.StudentAccess;
import io.campuscrm.students.internal.StudentEventEntity.Kind;
import io.campuscrm.students.internal.StudentHistory;
import io.campuscrm.students.internal.StudentRepository;
import io.campuscrm.students.internal.StudentRules;
import io.campuscrm.students.internal.StudentWriter;

import jakarta.validation.Valid;

/**
 * Changing students: creating a student with or into a family (refusing likely duplicates unless the user insists),
 * editing one, and moving one to another family. Administrators and admissions change, and only students they may
 * see, in campuses they work at. Every change is on the student's timeline and in the audit log. Families and
 * guardians themselves are changed through {@link FamilyService}.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class StudentChanges {

    private final StudentRepository students;
    private final FamilyRepository families;
    private final StudentAccess access;
    private final StudentRules rules;
    private final StudentWriter writer;
    private final SearchTokenWriter tokens;
    private final StudentHistory history;
    private final ApplicationEventPublisher events;

    StudentChanges(StudentRepository students, FamilyRepository families, StudentAccess access, StudentRules rules,
            StudentWriter writer, SearchTokenWriter tokens, StudentHistory history, ApplicationEventPublisher events) {
        this.students = students;
        this.families = families;
        this.access = access;
        this.rules = rules;
        this.writer = writer;
        this.tokens = tokens;
        this.history = history;
        this.events = events;
    }

    /**
     * Existing students and guardians that look like this entry (same phone, e-mail, or name and birth date),
     * without creating anything. Matches inside the family the student joins are not duplicates.
     */
    @PreAuthorize(StudentRoles.WRITE)
    public List<DuplicateMatch> findDuplicates(@Valid NewStudent request) {
        return rules.duplicatesOf(rules.normalise(request));
    }

    /**
     * Creates a student, with a new family and its guardians or into an existing family, in one transaction.
     *
     * @throws PossibleDuplicatesException when the entry looks like existing people and {@code createAnyway} is
     *                                     false; nothing is saved
     * @throws DomainException             on the field of an invalid phone, e-mail, campus or family
     */
    @PreAuthorize(StudentRoles.WRITE)
    @Transactional
    public StudentDetails create(@Valid NewStudent request) {
        var scope = access.scope();
        var normalised = rules.normalise(request);
        rules.requireCampus(normalised.student().campusId(), scope);
        FamilyEntity family = null;
        if (normalised.familyId() != null) {
            family = families.findById(normalised.familyId())
                    .orElseThrow(() -> new NotFoundException("familyId"));
        }
        if (!request.createAnyway()) {
            var matches = rules.duplicatesOf(normalised);
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
                    ? g.withPrimaryContact(true) : g);
        }
        var student = writer.createStudent(family, normalised.student(), Kind.CREATED);
        return student.toDetails();
    }

    /**
     * Saves an edited student.
     *
     * @throws io.campuscrm.shared.domain.StaleEditException when someone saved it after {@code version}
     */
    @PreAuthorize(StudentRoles.WRITE)
    @Transactional
    public StudentDetails update(long id, long version, @Valid StudentDraft draft) {
        var scope = access.scope();
        var student = rules.visible(id, scope);
        student.checkVersion(version);
        var normalised = rules.normalise(draft);
        rules.requireCampus(normalised.campusId(), scope);
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
                    AuditSummary.of("audit.student.changed", saved.getStudentNumber(), saved.getFullName()),
                    before.toDraft(),
                    after.toDraft()));
        }
        return after;
    }

    /** Moves a student to another family, e.g. when a sibling's family is found later. */
    @PreAuthorize(StudentRoles.WRITE)
    @Transactional
    public StudentDetails moveToFamily(long id, long version, long familyId) {
        var student = rules.visible(id, access.scope());
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
                AuditSummary.of("audit.student.moved", saved.getStudentNumber(), target.getFamilyNumber()),
                "family: " + from.getFamilyNumber() + " → " + target.getFamilyNumber()));
        return saved.toDetails();
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

    /** The labels of the fields that changed, for the timeline to translate ({@code student.birth-date}, …). */
    private static String changedFields(StudentDraft before, StudentDraft after) {
        List<String> labels = new ArrayList<>();
        for (String line : AuditEvent.diff(before, after).split("\n")) {
            labels.add(fieldLabelKey(line.substring(0, line.indexOf(':'))));
        }
        return TimelineEntry.keys(labels);
    }

    /** The form label's key of a {@link StudentDraft} component: {@code birthDate} is {@code student.birth-date}. */
    static String fieldLabelKey(String component) {
        return "student." + component.replaceFirst("Id$", "").replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
