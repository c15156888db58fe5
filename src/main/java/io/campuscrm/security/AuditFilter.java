package io.campuscrm.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.audit.AuditAction;

/** Filters of the audit log; null means any. {@code to} is exclusive. */
public record AuditFilter(@Nullable String actor, @Nullable String entityType, @Nullable String entityId,
        @Nullable AuditAction action, @Nullable Instant from, @Nullable Instant to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
