package io.campuscrm.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A class to load in bulk ({@link SchedulingBulkLoader}) with its weekly rule and the students enrolled in it: the
 * demo data's past terms at benchmark scale. Its sessions are generated from the rule and the term's closures, as
 * {@link ClassLifecycle#create} generates them.
 */
public record BulkClass(String code, String name, long courseId, long termId, long campusId, long roomId,
        int capacity, ClassStatus status, Set<Long> teacherIds, Recurrence recurrence, List<Enrolled> students) {

    public BulkClass {
        teacherIds = Set.copyOf(teacherIds);
        students = List.copyOf(students);
    }

    /** A student enrolled in the class from a date. */
    public record Enrolled(long studentId, LocalDate on) {
    }
}
