package io.campuscrm.students;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.students.internal.FamilyRepository;
import io.campuscrm.students.internal.GuardianEntity;
import io.campuscrm.students.internal.GuardianRepository;
import io.campuscrm.students.internal.StudentAccess;
import io.campuscrm.students.internal.StudentDocumentRepository;
import io.campuscrm.students.internal.StudentEntity;
import io.campuscrm.students.internal.StudentNoteRepository;
import io.campuscrm.students.internal.StudentRepository;
import io.campuscrm.students.internal.StudentRules;

/**
 * Reading what is on students' files: one student's file (the student, family, guardians, siblings and counts), and
 * the guardians' contacts of many students for rosters. Every read here is written to the audit log. Office roles
 * and teachers read, each only the students they may see ({@link TeacherStudentScope} for teachers, their campuses
 * for users with campuses); a student outside that answers like a missing one. Changes are in
 * {@link StudentChanges}.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class StudentFiles {

    /** Student numbers named in one audit line at most (the details column is a TEXT). */
    private static final int AUDITED_NUMBERS = 2000;

    private final StudentRepository students;
    private final FamilyRepository families;
    private final GuardianRepository guardians;
    private final StudentNoteRepository notes;
    private final StudentDocumentRepository documents;
    private final StudentAccess access;
    private final StudentRules rules;
    private final ApplicationEventPublisher events;

    StudentFiles(StudentRepository students, FamilyRepository families, GuardianRepository guardians,
            StudentNoteRepository notes, StudentDocumentRepository documents, StudentAccess access,
            StudentRules rules, ApplicationEventPublisher events) {
        this.students = students;
        this.families = families;
        this.guardians = guardians;
        this.notes = notes;
        this.documents = documents;
        this.access = access;
        this.rules = rules;
        this.events = events;
    }

    /** Opens a student's file: the student, family, siblings and counts. Written to the audit log. */
    @PreAuthorize(StudentRoles.READ)
    @Transactional
    public StudentFile file(long id) {
        var scope = access.scope();
        var student = rules.visible(id, scope);
        var family = families.findById(student.getFamilyId()).orElseThrow();
        var guardianViews = guardians.findByFamily(family.getId()).stream().map(GuardianEntity::toView).toList();
        List<StudentRef> members = students.findByFamilyIdOrderByBirthDateAscIdAsc(family.getId()).stream()
                .filter(s -> scope.allows(s.getId(), s.getCampusId())).map(StudentEntity::toRef).toList();
        var familyView = new FamilyView(family.getId(), family.getFamilyNumber(), family.getDisplayName(),
                family.getAddress(), family.getPreferredLanguage(), family.getVersion(), guardianViews, members);
        var siblings = members.stream().filter(s -> s.id() != id).toList();
        events.publishEvent(AuditEvent.of(AuditAction.READ, "Student", id,
                AuditSummary.of("audit.student.file-opened", student.getStudentNumber(), student.getFullName())));
        return new StudentFile(student.toDetails(), familyView, siblings, documents.countByStudentId(id),
                notes.countByStudentId(id));
    }

    /**
     * Chinese names and guardians' contacts of these students in one call, for rosters. Students the user may not
     * see are left out of the map. Written to the audit log (one line naming the students), as opening files is.
     */
    @PreAuthorize(StudentRoles.READ)
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
        Map<Long, List<GuardianView>> byFamily = new HashMap<>();
        guardians.findByFamilies(visible.stream().map(StudentEntity::getFamilyId).collect(Collectors.toSet()))
                .forEach(g -> byFamily.computeIfAbsent(g.getFamilyId(), k -> new ArrayList<>()).add(g.toView()));
        Map<Long, StudentContacts> result = new LinkedHashMap<>();
        for (var student : visible) {
            result.put(student.getId(), new StudentContacts(student.getId(), student.toDetails().chineseName(),
                    byFamily.getOrDefault(student.getFamilyId(), List.of())));
        }
        events.publishEvent(new AuditEvent(AuditAction.READ, "Student", null,
                AuditSummary.of("audit.student.contacts-read", result.size()),
                visible.stream().map(StudentEntity::getStudentNumber).sorted().limit(AUDITED_NUMBERS)
                        .collect(Collectors.joining(", "))
                        + (visible.size() > AUDITED_NUMBERS ? ", …" : "")));
        return result;
    }
}
