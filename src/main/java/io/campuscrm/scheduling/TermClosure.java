package io.campuscrm.scheduling;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Days of a term without lessons, from and to inclusive (one day: the same date twice). */
public record TermClosure(@NotBlank @Size(max = 120) String name, @NotNull ClosureKind kind,
        @NotNull LocalDate from, @NotNull LocalDate to) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
