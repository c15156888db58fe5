package io.campuscrm.security;

/** Counts for the administrator's dashboard. */
public record UserStats(long total, long active, long disabled, long locked) {
}
