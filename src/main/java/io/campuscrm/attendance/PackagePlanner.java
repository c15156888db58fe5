package io.campuscrm.attendance;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Decides, during a bulk load of attendance ({@link AttendanceBulkLoader}), which package a student gets when a
 * lesson they attend finds nothing left in the course: their first package, or a renewal. Answering null leaves the
 * lesson owed; the loader then asks no more for that student and course (they owe from then on).
 */
@FunctionalInterface
public interface PackagePlanner {

    /**
     * @param packagesSoFar how many packages the student already has in the course (0: their first)
     * @return a package valid on {@code date}, or null
     */
    @Nullable PackageDraft next(long studentId, long courseId, LocalDate date, int packagesSoFar);
}
