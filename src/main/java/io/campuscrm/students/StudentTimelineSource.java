package io.campuscrm.students;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A module's contribution to students' timelines (lead history, enrollments, attendance, invoices, payments),
 * implemented as a Spring bean. The students module has already checked that the user may read the student; a
 * source leaves out what the user's roles should not see.
 */
public interface StudentTimelineSource {

    /**
     * @param before only entries strictly before this instant; null for the newest
     * @param limit  at most this many, newest first
     */
    List<TimelineEntry> entries(long studentId, @Nullable Instant before, int limit);
}
