package io.campuscrm.students.internal;

import static io.campuscrm.support.TestPrincipals.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.campuscrm.shared.security.AccessScope;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.TeacherStudentScope;

class StudentAccessTest {

    private static final TeacherStudentScope CLASSES = teacher -> teacher == 7 ? Set.of(1L, 2L) : Set.of();

    @Test
    void a_teacher_sees_only_the_students_they_teach() {
        var scope = StudentAccess.scopeOf(scope(user(7, Set.of(), Role.TEACHER)), List.of(CLASSES));
        assertThat(scope.allows(1, 10L)).isTrue();
        assertThat(scope.allows(3, 10L)).isFalse();
    }

    @Test
    void a_teacher_sees_no_student_when_no_module_says_whom_they_teach() {
        var scope = StudentAccess.scopeOf(scope(user(7, Set.of(), Role.TEACHER)), List.of());
        assertThat(scope.seesNothing()).isTrue();
        assertThat(scope.allows(1, 10L)).isFalse();
    }

    @Test
    void several_scopes_add_up() {
        TeacherStudentScope more = teacher -> Set.of(5L);
        var scope = StudentAccess.scopeOf(scope(user(7, Set.of(), Role.TEACHER)), List.of(CLASSES, more));
        assertThat(scope.studentIds()).containsExactlyInAnyOrder(1L, 2L, 5L);
    }

    @Test
    void a_teacher_who_also_works_in_admissions_or_finance_sees_every_student() {
        for (Role other : List.of(Role.ADMIN, Role.ADMISSIONS, Role.FINANCE)) {
            var scope = StudentAccess.scopeOf(scope(user(7, Set.of(), Role.TEACHER, other)), List.of());
            assertThat(scope.studentIds()).as(other.name()).isNull();
            assertThat(scope.allows(99, 10L)).isTrue();
        }
    }

    @Test
    void a_user_with_campuses_sees_only_students_of_those_campuses() {
        var scope = StudentAccess.scopeOf(scope(user(1, Set.of(10L), Role.ADMISSIONS)), List.of());
        assertThat(scope.allows(1, 10L)).isTrue();
        assertThat(scope.allows(1, 11L)).isFalse();
        assertThat(scope.allows(1, null)).isFalse();
        assertThat(StudentAccess.scopeOf(scope(user(1, Set.of(), Role.FINANCE)), List.of()).allows(1, 11L)).isTrue();
    }

    @Test
    void a_teacher_reaches_the_students_they_teach_whatever_campuses_their_account_lists() {
        var scope = StudentAccess.scopeOf(scope(user(7, Set.of(10L), Role.TEACHER)), List.of(CLASSES));
        assertThat(scope.allows(1, 10L)).isTrue();
        assertThat(scope.allows(2, 11L)).as("a class they teach at another campus").isTrue();
        assertThat(scope.allows(3, 10L)).as("a student of their campus they do not teach").isFalse();
    }

    @Test
    void a_user_without_roles_and_no_user_at_all_reach_no_student() {
        assertThat(StudentAccess.scopeOf(scope(user(8, Set.of())), List.of(CLASSES)).seesNothing()).isTrue();
        assertThat(StudentAccess.scopeOf(AccessScope.NOTHING, List.of(CLASSES)).seesNothing()).isTrue();
        assertThat(StudentAccess.scopeOf(AccessScope.EVERYTHING, List.of()).allows(99, null)).isTrue();
    }

    private static AccessScope scope(CampusPrincipal user) {
        return CurrentUser.scopeOf(user);
    }
}
