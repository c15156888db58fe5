package io.campuscrm.attendance;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Decides, during a bulk load of attendance ({@link AttendanceBulkLoader}), which package a student gets when a
 * lesson they attend finds nothing left in the course: their first package, or a renewal. Answering null leaves the
 * lesson owed, and the next such lesson asks again; a package given later first pays the owed lessons it is valid
 * for, oldest first (as {@link LessonPackageService#grant} does), so one that starts on the first owed lesson's date
 * pays them all.
 */
@FunctionalInterface
public interface PackagePlanner {

    /**
     * @param packagesSoFar how many packages the student already has in the course (0: their first)
     * @return a package valid on {@code date}, or null
     */
    @Nullable PackageDraft next(long studentId, long courseId, LocalDate date, int packagesSoFar);
}
