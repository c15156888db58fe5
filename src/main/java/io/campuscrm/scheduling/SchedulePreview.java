package io.campuscrm.scheduling;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What a recurrence rule would generate in a term: how many sessions, the first and last, and the skipped dates. */
public record SchedulePreview(int sessions, @Nullable LocalDate first, @Nullable LocalDate last,
        List<SkippedDate> skipped, String rrule) {
}
