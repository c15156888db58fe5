package io.campuscrm.students;

import java.util.Set;

/**
 * Which students a teacher teaches, implemented as a Spring bean by the module that knows (scheduling). A user whose
 * roles include TEACHER but none of ADMIN, ADMISSIONS and FINANCE sees only these students; with no such bean,
 * such a teacher sees none. With several beans, the union counts.
 */
public interface TeacherStudentScope {

    Set<Long> studentIdsTaughtBy(long teacherUserId);
}
