package io.campuscrm.scheduling;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an administrator enters for a term. */
public record TermDraft(
        @NotBlank @Size(max = 120) String name,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @NotNull List<@Valid TermClosure> closures) {
}
