package io.campuscrm.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message of the outbox as the administrators' list shows it.
 *
 * @param lastError the mail server's answer to the last failed attempt (or why it could not be reached)
 */
public record OutboxEntry(long id, String kind, String recipient, @Nullable String recipientName, String subject,
        OutboxStatus status, int attempts, Instant nextAttemptAt, @Nullable String lastError,
        @Nullable Instant sentAt, Instant createdAt, @Nullable String createdBy, long version) {
}
