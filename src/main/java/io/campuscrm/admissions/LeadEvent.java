package io.campuscrm.admissions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A line of a lead's history: {@code kind} CREATED, STAGE (before → after), OWNER (user ids, or empty for the pool),
 * FOLLOW_UP (its kind), with who and when.
 */
public record LeadEvent(long id, String kind, @Nullable String before, @Nullable String after,
        @Nullable String detail, Instant at, @Nullable String actor) {
}
