package io.campuscrm.students;

/**
 * The two rules of the students module's services: every office role and teachers read (each within their scope,
 * {@link io.campuscrm.students.internal.StudentAccess}); administrators and admissions change. Each method names its
 * rule; the table {@code authorization-rules.txt} lists them method by method.
 */
final class StudentRoles {

    static final String READ = "hasAnyRole('ADMIN', 'ADMISSIONS', 'FINANCE', 'TEACHER')";
    static final String WRITE = "hasAnyRole('ADMIN', 'ADMISSIONS')";

    private StudentRoles() {
    }
}
