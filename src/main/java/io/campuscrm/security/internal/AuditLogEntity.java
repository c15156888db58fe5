package io.campuscrm.security.internal;

import java.time.Instant;
import java.util.List;

import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

import io.campuscrm.security.AuditEntry;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.database.JsonStrings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One audit log line; written once, never changed. Its summary is kept twice: in English, as search and exports read
 * it, and as a message key with its arguments (a JSON array of strings), which lines written before V27 do not have.
 */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditLogEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(nullable = false)
    private String actor;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;
    @Column(name = "entity_type", nullable = false)
    private String entityType;
    @Column(name = "entity_id")
    private @Nullable String entityId;
    @Column(nullable = false)
    private String summary;
    @Column(name = "summary_key")
    private @Nullable String summaryKey;
    @Column(name = "summary_args")
    private @Nullable String summaryArgs;
    private @Nullable String details;

    protected AuditLogEntity() {
    }

    public AuditLogEntity(Instant occurredAt, String actor, AuditAction action, String entityType,
            @Nullable String entityId, String summary, AuditSummary message, @Nullable String details) {
        this.occurredAt = occurredAt;
        this.actor = truncate(actor, 100);
        this.action = action;
        this.entityType = truncate(entityType, 60);
        this.entityId = entityId == null ? null : truncate(entityId, 64);
        this.summary = truncate(summary, 500);
        this.summaryKey = message.key();
        this.summaryArgs = JsonStrings.encode(message.args());
        this.details = details;
    }

    public AuditEntry toEntry() {
        return new AuditEntry(id, occurredAt, actor, action, entityType, entityId, summary, message(), details);
    }

    private @Nullable AuditSummary message() {
        if (summaryKey == null) {
            return null;
        }
        return new AuditSummary(summaryKey, summaryArgs == null ? List.of() : JsonStrings.decode(summaryArgs));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
