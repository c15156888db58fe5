package io.campuscrm.students.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.students.FamilyDraft;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.StudentDraft;

/**
 * Creates families, guardians and students from drafts whose contacts are already normalised and checked, with
 * their numbers, search tokens, timeline entry and audit events. The services decide whether a creation is
 * allowed; this writes it, so a user's entry and an import create exactly the same rows.
 */
@Component
public class StudentWriter {

    private final StudentRepository students;
    private final FamilyRepository families;
    private final GuardianRepository guardians;
    private final StudentNumbers numbers;
    private final SearchTokenWriter tokens;
    private final StudentHistory history;
    private final ApplicationEventPublisher events;

    StudentWriter(StudentRepository students, FamilyRepository families, GuardianRepository guardians,
            StudentNumbers numbers, SearchTokenWriter tokens, StudentHistory history,
            ApplicationEventPublisher events) {
        this.students = students;
        this.families = families;
        this.guardians = guardians;
        this.numbers = numbers;
        this.tokens = tokens;
        this.history = history;
        this.events = events;
    }

    public FamilyEntity createFamily(String displayName, String address) {
        var family = families.saveAndFlush(new FamilyEntity(numbers.nextFamilyNumber(), displayName, address));
        events.publishEvent(AuditEvent.created("Family", family.getId(),
                AuditSummary.of("audit.family.created", family.getFamilyNumber(), family.getDisplayName()),
                new FamilyDraft(family.getDisplayName(), family.getAddress(), family.getPreferredLanguage())));
        return family;
    }

    /** Adds a guardian; when it is the primary contact, the family's other guardians stop being it. */
    public GuardianEntity addGuardian(FamilyEntity family, GuardianDraft normalised) {
        boolean primary = normalised.primaryContact() || guardians.findByFamily(family.getId()).isEmpty();
        if (primary) {
            clearPrimary(family.getId(), null);
        }
        var guardian = new GuardianEntity(family.getId());
        guardian.apply(normalised.fullName(), normalised.relationship(), normalised.phone(), normalised.email(),
                normalised.preferredLanguage(), primary);
        var saved = guardians.saveAndFlush(guardian);
        events.publishEvent(AuditEvent.created("Guardian", saved.getId(),
                AuditSummary.of("audit.guardian.added", saved.getFullName(), family.getFamilyNumber()),
                saved.toView().toDraft()));
        return saved;
    }

    public void clearPrimary(long familyId, Long exceptGuardianId) {
        for (GuardianEntity other : guardians.findByFamily(familyId)) {
            if (other.isPrimaryContact() && !other.getId().equals(exceptGuardianId)) {
                other.setPrimaryContact(false);
            }
        }
        guardians.flush();
    }

    public StudentEntity createStudent(FamilyEntity family, StudentDraft normalised, StudentEventEntity.Kind how) {
        var student = new StudentEntity(numbers.nextStudentNumber(), family.getId());
        student.apply(normalised);
        var saved = students.saveAndFlush(student);
        tokens.add(saved.getId(), saved.searchTokens(), saved.sortKey());
        history.record(saved.getId(), how, saved.getStudentNumber(), null);
        events.publishEvent(AuditEvent.created("Student", saved.getId(),
                AuditSummary.of("audit.student.created", saved.getStudentNumber(), saved.getFullName(),
                        family.getFamilyNumber()), saved.toDetails().toDraft()));
        return saved;
    }
}
