package io.campuscrm.notifications;

/**
 * The outbox at a glance, for the administrators' dashboard.
 *
 * @param waiting messages waiting to be sent, or sent again
 * @param failed  messages given up on after their last attempt
 */
public record OutboxCounts(long waiting, long failed) {
}
