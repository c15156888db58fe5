package io.campuscrm.admissions;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A logged follow-up. */
public record FollowUp(long id, long leadId, FollowUpKind kind, String outcome, Instant happenedAt,
        @Nullable NextAction nextAction, @Nullable LocalDate nextActionOn, @Nullable String by) {
}
