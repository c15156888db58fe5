package io.campuscrm.notifications.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.campuscrm.notifications.OutboxEntry;
import io.campuscrm.notifications.OutboxStatus;
import io.campuscrm.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message of the outbox, rendered when it was written. The sender changes its state with its own queries
 * ({@link OutboxRepository}); through the entity only a new message is written and a failed one is retried.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMessageEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String kind;
    @Column(nullable = false)
    private String recipient;
    @Column(name = "recipient_name")
    private @Nullable String recipientName;
    @Column(nullable = false)
    private String language;
    @Column(nullable = false)
    private String subject;
    @Column(name = "body_text", nullable = false)
    private String bodyText;
    @Column(name = "body_html", nullable = false)
    private String bodyHtml;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxStatus status;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private @Nullable String lastError;
    @Column(name = "sent_at")
    private @Nullable Instant sentAt;
    @Column(name = "message_id", nullable = false, updatable = false)
    private String messageId;

    protected OutboxMessageEntity() {
    }

    public OutboxMessageEntity(String kind, String recipient, @Nullable String recipientName, RenderedMail mail,
            Instant now, String messageId) {
        this.kind = kind;
        this.recipient = recipient;
        this.recipientName = recipientName;
        this.language = mail.languageTag();
        this.subject = mail.subject();
        this.bodyText = mail.text();
        this.bodyHtml = mail.html();
        this.status = OutboxStatus.WAITING;
        this.nextAttemptAt = now;
        this.messageId = messageId;
    }

    public Long getId() {
        return id;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public String getRecipient() {
        return recipient;
    }

    /** A failed message is tried again now, with all its attempts; its last error stays until it is sent. */
    public void retry(Instant now) {
        if (status != OutboxStatus.FAILED) {
            throw new IllegalStateException("Only a failed message is retried, not a " + status + " one");
        }
        status = OutboxStatus.WAITING;
        attempts = 0;
        nextAttemptAt = now;
    }

    public OutboxEntry toEntry() {
        return new OutboxEntry(id, kind, recipient, recipientName, subject, status, attempts, nextAttemptAt,
                lastError, sentAt, getCreatedAt(), getCreatedBy(), getVersion());
    }
}
