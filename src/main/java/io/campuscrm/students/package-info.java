/**
 * Student files: students, their families (the paying unit) and guardians, tags, notes, documents, the timeline that
 * other modules add to, and the search that finds a student among 100,000 by any part of a name, a phone fragment,
 * an e-mail or the student number. Other modules refer to students by id through {@link StudentService#references}
 * and contribute through the SPIs {@link TeacherStudentScope}, {@link StudentTimelineSource} and
 * {@link StudentFileSection}.
 */
@ApplicationModule(displayName = "Students", allowedDependencies = {"shared", "security", "institution"})
@NullMarked
package io.campuscrm.students;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
