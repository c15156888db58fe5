package io.campuscrm.students.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.DuplicateMatch;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.StudentDraft;

/**
 * What the student services check before they read or change a student: that the user may see the student, that
 * the campus exists and is theirs, entries with their contacts normalised, and the existing people an entry looks
 * like. The services decide which checks a use case needs; the checks are the same for all of them.
 */
@Component
public class StudentRules {

    private final StudentRepository students;
    private final StudentAccess access;
    private final DuplicateFinder duplicates;
    private final ContactNormaliser contacts;
    private final InstitutionService institution;

    StudentRules(StudentRepository students, StudentAccess access, DuplicateFinder duplicates,
            ContactNormaliser contacts, InstitutionService institution) {
        this.students = students;
        this.access = access;
        this.duplicates = duplicates;
        this.contacts = contacts;
        this.institution = institution;
    }

    /** The student, when the scope reaches it; otherwise it answers like a missing one ({@link NotFoundException}). */
    public StudentEntity visible(long id, StudentScope scope) {
        var student = students.findById(id).orElseThrow(() -> new NotFoundException());
        access.requireVisible(scope, id, student.getCampusId());
        return student;
    }

    /** A known campus (required when the institution has campuses) that the user works at. */
    public void requireCampus(@Nullable Long campusId, StudentScope scope) {
        if (campusId != null && institution.campusesById(List.of(campusId)).isEmpty()) {
            throw new DomainException("campusId", "student.error.unknown-campus");
        }
        if (campusId == null && !institution.campuses().isEmpty()) {
            throw new DomainException("campusId", "student.error.campus-required");
        }
        access.requireCampus(scope, campusId);
    }

    /** The entry with the student's and the guardians' phones and e-mails as they are stored. */
    public NewStudent normalise(NewStudent request) {
        String region = contacts.region();
        var student = normaliseStudent(request.student(), region);
        List<GuardianDraft> normalisedGuardians = new ArrayList<>();
        for (int i = 0; i < request.guardians().size(); i++) {
            normalisedGuardians.add(normaliseGuardian(request.guardians().get(i), "guardians[" + i + "].", region));
        }
        return new NewStudent(student, request.familyId(), request.newFamily(), normalisedGuardians,
                request.createAnyway());
    }

    /** The student with the phone and e-mail as they are stored. */
    public StudentDraft normalise(StudentDraft draft) {
        return normaliseStudent(draft, contacts.region());
    }

    /**
     * Existing students and guardians that look like this normalised entry. Matches inside the family the student
     * joins are not duplicates.
     */
    public List<DuplicateMatch> duplicatesOf(NewStudent normalised) {
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

    private StudentDraft normaliseStudent(StudentDraft draft, String region) {
        return new StudentDraft(draft.fullName().strip(), draft.preferredName(), draft.chineseName(),
                draft.birthDate(), ContactNormaliser.phone(draft.phone(), "phone", region),
                contacts.email(draft.email(), "email"), draft.school(), draft.grade(), draft.status(),
                draft.campusId(), draft.tags());
    }

    private GuardianDraft normaliseGuardian(GuardianDraft draft, String fieldPrefix, String region) {
        return new GuardianDraft(draft.fullName().strip(), draft.relationship(),
                ContactNormaliser.phone(draft.phone(), fieldPrefix + "phone", region),
                contacts.email(draft.email(), fieldPrefix + "email"), draft.preferredLanguage(),
                draft.primaryContact());
    }

    private static Predicate<DuplicateMatch> distinctBy(Set<String> seen) {
        return m -> seen.add(m.kind() + ":" + m.id() + ":" + m.reason() + ":" + m.enteredFor());
    }
}
