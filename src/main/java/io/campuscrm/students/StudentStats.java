package io.campuscrm.students;

import java.util.Map;

/** Counts for the admissions dashboard, within the user's campuses. */
public record StudentStats(Map<StudentStatus, Long> byStatus, long newThisMonth) {

    public long count(StudentStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
