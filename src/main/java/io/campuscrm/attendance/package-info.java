/**
 * Attendance (考勤) and lesson packages (课时包 / 课消): a session's roster, whose seats come from
 * {@link io.campuscrm.attendance.RosterSeats} beans (enrolled and make-up students here; admissions adds trial
 * guests), is taken and corrected through {@link io.campuscrm.attendance.AttendanceService}; every change is kept.
 * Marks consume lessons from the student's packages of the course by the course's policy, through an append-only
 * ledger; packages are granted, sold (by billing, through {@link io.campuscrm.attendance.LessonPackageService}),
 * frozen, extended and expired. Leave (请假) excuses a student from a future session and may give them a make-up
 * seat (补课) in another session of the course.
 */
@ApplicationModule(displayName = "Attendance", allowedDependencies = {"shared", "security", "institution",
        "students", "scheduling", "notifications"})
@NullMarked
package io.campuscrm.attendance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
