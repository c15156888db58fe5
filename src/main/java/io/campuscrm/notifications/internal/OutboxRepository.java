package io.campuscrm.notifications.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.campuscrm.notifications.OutboxStatus;

/**
 * The outbox. The sender's state changes are single statements, each in its own short transaction, keyed on the
 * claim token of the run that holds a message, so that two runs (or two nodes) never hold or send the same one.
 */
public interface OutboxRepository extends JpaRepository<OutboxMessageEntity, Long> {

    /** Newest first, optionally of one status; served by the primary key or {@code ix_mail_outbox_status_id}. */
    @Query("""
            SELECT m FROM OutboxMessageEntity m WHERE (:status IS NULL OR m.status = :status) ORDER BY m.id DESC
            """)
    Slice<OutboxMessageEntity> search(@Param("status") @Nullable OutboxStatus status, Pageable page);

    /** Messages per status among the given ones: status and count, counted off {@code ix_mail_outbox_status_id}. */
    @Query("SELECT m.status, COUNT(m) FROM OutboxMessageEntity m WHERE m.status IN :statuses GROUP BY m.status")
    List<Object[]> countByStatus(@Param("statuses") Collection<OutboxStatus> statuses);

    /**
     * Takes up to {@code limit} due waiting messages, oldest due first, for the run with this token: one UPDATE,
     * so a message is taken by one run only (MariaDB's single-table {@code UPDATE … ORDER BY … LIMIT}). The attempt
     * is counted here, so a run that dies while sending has used it.
     */
    @Modifying
    @Query(value = """
            UPDATE mail_outbox SET status = 'SENDING', claim_token = :token, lease_until = :leaseUntil,
                attempts = attempts + 1, version = version + 1, updated_at = :now, updated_by = 'system'
            WHERE status = 'WAITING' AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit
            """, nativeQuery = true)
    int claim(@Param("token") String token, @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil,
            @Param("limit") int limit);

    /** The messages a run took, with what it needs to send them. */
    @Query(value = """
            SELECT id, recipient, recipient_name AS recipientName, subject, body_text AS bodyText,
                body_html AS bodyHtml, message_id AS messageId, attempts
            FROM mail_outbox WHERE claim_token = :token AND status = 'SENDING' ORDER BY next_attempt_at, id
            """, nativeQuery = true)
    List<ClaimedMail> claimed(@Param("token") String token);

    /** The message was accepted by the server: sent, unless the run no longer holds it. */
    @Modifying
    @Query(value = """
            UPDATE mail_outbox SET status = 'SENT', sent_at = :now, claim_token = NULL, lease_until = NULL,
                version = version + 1, updated_at = :now, updated_by = 'system'
            WHERE id = :id AND claim_token = :token AND status = 'SENDING'
            """, nativeQuery = true)
    int markSent(@Param("id") long id, @Param("token") String token, @Param("now") Instant now);

    /** The attempt failed: waiting again from {@code nextAttemptAt}, or failed after the last attempt. */
    @Modifying
    @Query(value = """
            UPDATE mail_outbox SET status = IF(attempts >= :maxAttempts, 'FAILED', 'WAITING'),
                next_attempt_at = :nextAttemptAt, last_error = :error, claim_token = NULL, lease_until = NULL,
                version = version + 1, updated_at = :now, updated_by = 'system'
            WHERE id = :id AND claim_token = :token AND status = 'SENDING'
            """, nativeQuery = true)
    int markFailed(@Param("id") long id, @Param("token") String token, @Param("error") String error,
            @Param("maxAttempts") int maxAttempts, @Param("nextAttemptAt") Instant nextAttemptAt,
            @Param("now") Instant now);

    /** Messages held by a run whose lease ran out (it died, or its JVM did) wait again, due at once. */
    @Modifying
    @Query(value = """
            UPDATE mail_outbox SET status = 'WAITING', next_attempt_at = :now, claim_token = NULL, lease_until = NULL,
                version = version + 1, updated_at = :now, updated_by = 'system'
            WHERE status = 'SENDING' AND lease_until < :now
            """, nativeQuery = true)
    int releaseExpiredLeases(@Param("now") Instant now);

    /** Every failed message is tried again now, with all its attempts. */
    @Modifying
    @Query(value = """
            UPDATE mail_outbox SET status = 'WAITING', attempts = 0, next_attempt_at = :now,
                version = version + 1, updated_at = :now, updated_by = :actor
            WHERE status = 'FAILED'
            """, nativeQuery = true)
    int retryAllFailed(@Param("now") Instant now, @Param("actor") String actor);
}
