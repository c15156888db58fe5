package io.campuscrm.scheduling.internal;

import java.util.List;

import io.campuscrm.scheduling.SkippedDate;

/** What a recurrence rule produces: the sessions in date order and the dates skipped for holidays and closures. */
public record GeneratedSchedule(List<Occurrence> occurrences, List<SkippedDate> skipped, String rrule) {
}
