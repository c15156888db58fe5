package io.campuscrm.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.security.CurrentUser;

/**
 * Writes each audit event in the transaction that published it, so a change and its audit line are saved or
 * rolled back together. The summary is stored as its message and, for search and exports, in English. Sign-ins,
 * which have no user in the security context yet, are written through {@link #write} directly.
 */
@Component
class AuditRecorder {

    private final AuditLogRepository auditLog;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Clock clock;

    AuditRecorder(AuditLogRepository auditLog, CurrentUser currentUser, MessageSource messages, Clock clock) {
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    @EventListener
    void on(AuditEvent event) {
        write(clock.instant(), currentUser.username(), event.action(), event.entityType(), event.entityId(),
                event.summary(), event.details());
    }

    void write(Instant occurredAt, String actor, AuditAction action, String entityType, @Nullable String entityId,
            AuditSummary summary, @Nullable String details) {
        auditLog.save(new AuditLogEntity(occurredAt, actor, action, entityType, entityId, english(summary), summary,
                details));
    }

    /** A key missing from the bundle (MessageBundleTest catches it) writes the key rather than undo the change. */
    private String english(AuditSummary summary) {
        return summary.render((key, args) -> messages.getMessage(key, args, key, Locale.ENGLISH));
    }
}
