package io.campuscrm.admissions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A line of a lead's history: {@code kind} CREATED, STAGE (before → after), OWNER (user ids, or empty for the pool),
 * FOLLOW_UP (its kind), MERGED (the lead merged into this one: after = its id, detail = its child's name), MERGED_INTO
 * (this one into another: after = the survivor's id), UNMERGED (a merge undone: after = the other lead's id),
 * FAMILY (linked to a family: after = its id, detail = its name; empty: unlinked), with who and when. {@code leadId}
 * tells a merged lead's lines from the survivor's own on the survivor's history.
 */
public record LeadEvent(long id, String kind, @Nullable String before, @Nullable String after,
        @Nullable String detail, Instant at, @Nullable String actor, long leadId) {
}
