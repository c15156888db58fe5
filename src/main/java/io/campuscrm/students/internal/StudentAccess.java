package io.campuscrm.students.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.AccessScope;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.students.TeacherStudentScope;

/**
 * Works out the current user's {@link StudentScope} from the one shared rule ({@link CurrentUser#scope()}): office
 * roles see the students of their campuses; a teacher sees only the students the {@link TeacherStudentScope} beans
 * name (none when there is no such bean); the system sees all; anyone else none. A student outside the scope answers
 * exactly like a missing one.
 */
@Component
public class StudentAccess {

    private final CurrentUser currentUser;
    private final ObjectProvider<TeacherStudentScope> teacherScopes;

    StudentAccess(CurrentUser currentUser, ObjectProvider<TeacherStudentScope> teacherScopes) {
        this.currentUser = currentUser;
        this.teacherScopes = teacherScopes;
    }

    public StudentScope scope() {
        return scopeOf(currentUser.scope(), teacherScopes.orderedStream().toList());
    }

    /** The rule itself, apart from Spring: which students a scope reaches. */
    public static StudentScope scopeOf(AccessScope access, List<TeacherStudentScope> teacherScopes) {
        if (access.seesNothing()) {
            return StudentScope.NOTHING;
        }
        Long teacher = access.ownClassesOf();
        if (teacher != null) {
            Set<Long> students = new HashSet<>();
            for (TeacherStudentScope scope : teacherScopes) {
                students.addAll(scope.studentIdsTaughtBy(teacher));
            }
            return new StudentScope(null, students);
        }
        return new StudentScope(access.allCampuses() ? null : access.campusIds(), null);
    }

    /**
     * Refuses a student outside the user's scope as if it did not exist (its existence is not confirmed either).
     */
    public void requireVisible(StudentScope scope, long studentId, @Nullable Long campusId) {
        if (!scope.allows(studentId, campusId)) {
            throw new NotFoundException();
        }
    }

    /**
     * Changes need the campus too: a user cannot put a student into a campus they do not work at, and such a campus
     * answers like a missing one.
     */
    public void requireCampus(StudentScope scope, @Nullable Long campusId) {
        if (!scope.allowsCampus(campusId)) {
            throw new NotFoundException("campusId");
        }
    }
}
