package io.campuscrm.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

/** When and where a single session takes place (local date and times of the institution). */
public record SessionSlot(@NotNull LocalDate date, @NotNull LocalTime start, @NotNull LocalTime end, long roomId) {
}
