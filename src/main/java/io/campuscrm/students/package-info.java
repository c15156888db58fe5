/**
 * Student files: students, their families (the paying unit) and guardians, tags, notes, documents, the timeline that
 * other modules add to, and the search that finds a student among 100,000 by any part of a name, a phone fragment,
 * an e-mail or the student number. Its services are named by use case: {@link StudentSearch} (lists, quick search,
 * names of students by id), {@link StudentFiles} (a student's file and guardians' contacts, audited),
 * {@link StudentChanges} (create, edit, move to a family), {@link FamilyService} and the notes, documents, timeline,
 * import and export services. Other modules refer to students by id through {@link StudentSearch#references} and
 * contribute through the SPIs {@link TeacherStudentScope}, {@link StudentTimelineSource} and
 * {@link StudentFileSection}.
 */
@ApplicationModule(displayName = "Students", allowedDependencies = {"shared", "security", "institution"})
@NullMarked
package io.campuscrm.students;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
