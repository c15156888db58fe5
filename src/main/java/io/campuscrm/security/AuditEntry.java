package io.campuscrm.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.audit.AuditAction;

/** One line of the audit log. */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String entityType,
        @Nullable String entityId, String summary, @Nullable String details) {
}
