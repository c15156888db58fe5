package io.campuscrm.security.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.security.CurrentUser;

/**
 * Writes each audit event in the transaction that published it, so a change and its audit line are saved or
 * rolled back together.
 */
@Component
class AuditRecorder {

    private final AuditLogRepository auditLog;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditRecorder(AuditLogRepository auditLog, CurrentUser currentUser, Clock clock) {
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @EventListener
    void on(AuditEvent event) {
        auditLog.save(new AuditLogEntity(clock.instant(), currentUser.username(), event.action(),
                event.entityType(), event.entityId(), event.summary(), event.details()));
    }
}
