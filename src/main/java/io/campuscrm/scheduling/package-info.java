/**
 * Scheduling (排课): courses, terms with their holidays and closures, rooms, teachers' weekly availability,
 * classes with their recurrence rules and the sessions generated from them. Every change to a schedule is checked
 * in the database for clashes (a teacher or a room in two places at once) and refused with a message naming the
 * clash. Students are enrolled in classes (capacity, waiting list, transfer 转班, withdrawal); a student is never in two
 * overlapping sessions either. Classes are read through {@link ClassSearch}, created and changed through
 * {@link ClassLifecycle} (which generates their sessions) and their schedule previewed through
 * {@link ClassSchedule}; single sessions change through {@link SessionService}. Timetables are read through
 * {@link io.campuscrm.scheduling.TimetableService}.
 */
@ApplicationModule(displayName = "Scheduling", allowedDependencies = {"shared", "security", "institution",
        "students"})
@NullMarked
package io.campuscrm.scheduling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
