package io.campuscrm.security.internal;

import java.time.Instant;

import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

import io.campuscrm.security.AuditEntry;
import io.campuscrm.shared.audit.AuditAction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One audit log line; written once, never changed. */
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
    private @Nullable String details;

    protected AuditLogEntity() {
    }

    public AuditLogEntity(Instant occurredAt, String actor, AuditAction action, String entityType,
            @Nullable String entityId, String summary, @Nullable String details) {
        this.occurredAt = occurredAt;
        this.actor = truncate(actor, 100);
        this.action = action;
        this.entityType = truncate(entityType, 60);
        this.entityId = entityId == null ? null : truncate(entityId, 64);
        this.summary = truncate(summary, 500);
        this.details = details;
    }

    public AuditEntry toEntry() {
        return new AuditEntry(id, occurredAt, actor, action, entityType, entityId, summary, details);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
