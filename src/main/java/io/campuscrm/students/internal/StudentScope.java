package io.campuscrm.students.internal;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the current user may see of the students: all campuses or some, and all students or only some ids (a
 * teacher's). Both limits apply together.
 *
 * @param campusIds  the campuses, or null for all
 * @param studentIds the students, or null for all
 */
public record StudentScope(@Nullable Set<Long> campusIds, @Nullable Set<Long> studentIds) {

    public static final StudentScope EVERYTHING = new StudentScope(null, null);
    public static final StudentScope NOTHING = new StudentScope(Set.of(), Set.of());

    public boolean allows(long studentId, @Nullable Long campusId) {
        return (campusIds == null || campusId != null && campusIds.contains(campusId))
                && (studentIds == null || studentIds.contains(studentId));
    }

    public boolean allowsCampus(@Nullable Long campusId) {
        return campusIds == null || campusId != null && campusIds.contains(campusId);
    }

    /** Nothing at all can be visible, so no query needs to run. */
    public boolean seesNothing() {
        return campusIds != null && campusIds.isEmpty() || studentIds != null && studentIds.isEmpty();
    }
}
