package io.campuscrm.admissions;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A follow-up to log: what it was, how it went, and the next action with its date — or, instead, the reason the
 * lead is closed as lost.
 */
public record FollowUpDraft(@NotNull FollowUpKind kind, @NotBlank @Size(max = 2000) String outcome,
        @Nullable NextAction nextAction, @Nullable LocalDate nextActionOn, @Nullable Long lostReasonId) {
}
