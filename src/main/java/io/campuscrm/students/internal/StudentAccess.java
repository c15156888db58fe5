package io.campuscrm.students.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.TeacherStudentScope;

/**
 * Works out the current user's {@link StudentScope}: users with campuses see students of those campuses; a user who
 * is a teacher and nothing that reads all students (admin, admissions, finance) sees only the students the
 * {@link TeacherStudentScope} beans name, and none when there is no such bean. The system (no principal) sees all.
 */
@Component
public class StudentAccess {

    private static final Set<Role> READ_ALL = Set.of(Role.ADMIN, Role.ADMISSIONS, Role.FINANCE);

    private final CurrentUser currentUser;
    private final ObjectProvider<TeacherStudentScope> teacherScopes;

    StudentAccess(CurrentUser currentUser, ObjectProvider<TeacherStudentScope> teacherScopes) {
        this.currentUser = currentUser;
        this.teacherScopes = teacherScopes;
    }

    public StudentScope scope() {
        var principal = currentUser.principal();
        if (principal.isEmpty()) {
            return StudentScope.EVERYTHING;
        }
        return scopeOf(principal.get(), teacherScopes.orderedStream().toList());
    }

    /** The rule itself, apart from Spring: who sees which students. */
    public static StudentScope scopeOf(CampusPrincipal user, List<TeacherStudentScope> teacherScopes) {
        Set<Long> campuses = user.campusIds().isEmpty() ? null : Set.copyOf(user.campusIds());
        boolean teacherOnly = user.roles().contains(Role.TEACHER)
                && user.roles().stream().noneMatch(READ_ALL::contains);
        Set<Long> students = null;
        if (teacherOnly) {
            students = new HashSet<>();
            for (TeacherStudentScope scope : teacherScopes) {
                students.addAll(scope.studentIdsTaughtBy(user.userId()));
            }
        }
        return new StudentScope(campuses, students);
    }

    /**
     * Refuses a student outside the user's scope as if it did not exist (its existence is not confirmed either).
     */
    public void requireVisible(StudentScope scope, long studentId, Long campusId) {
        if (!scope.allows(studentId, campusId)) {
            throw new DomainException(null, "error.not-found");
        }
    }

    /** Changes need the campus too: a user cannot put a student into a campus they do not work at. */
    public void requireCampus(StudentScope scope, Long campusId) {
        if (!scope.allowsCampus(campusId)) {
            throw new AccessDeniedException("Campus " + campusId + " is not one of the user's campuses");
        }
    }
}
