package io.campuscrm.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A teacher is scheduled outside the weekly availability they entered: a warning, not a refusal (availability is
 * a preference; a clash is an impossibility). Teachers who entered no availability get no warnings.
 */
public record AvailabilityWarning(long teacherId, String teacherName, DayOfWeek weekday, LocalTime start,
        LocalTime end, int sessions) {
}
