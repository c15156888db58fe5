package io.campuscrm.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

/** A weekly time a teacher can teach, e.g. every Tuesday 14:00–20:00 (local time of the institution). */
public record AvailabilitySlot(@NotNull DayOfWeek weekday, @NotNull LocalTime start, @NotNull LocalTime end) {

    public boolean covers(DayOfWeek day, LocalTime from, LocalTime to) {
        return weekday == day && !from.isBefore(start) && !to.isAfter(end);
    }
}
