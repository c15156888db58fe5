package io.campuscrm.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditSummary;

/**
 * Counts failed logins and locks an account after {@code maxFailedLogins} in a row for {@code lockoutDuration};
 * a successful login resets the count and records the time. Each attempt goes to the audit log.
 */
@Component
class LoginAttemptListener {

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptListener.class);

    private final UserRepository users;
    private final AuditRecorder auditLog;
    private final SecurityLimits settings;
    private final Clock clock;

    LoginAttemptListener(UserRepository users, AuditRecorder auditLog, SecurityLimits settings, Clock clock) {
        this.users = users;
        this.auditLog = auditLog;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        Instant now = clock.instant();
        if (users.recordSuccessfulLogin(username, now) > 0) {
            auditLog.write(now, username, AuditAction.LOGIN, "User", null, AuditSummary.of("audit.user.signed-in"),
                    null);
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName()).strip();
        if (users.incrementFailedLogins(username) == 0) {
            return; // no such user: nothing to lock, nothing to tell
        }
        Instant now = clock.instant();
        auditLog.write(now, username, AuditAction.LOGIN_FAILED, "User", null,
                AuditSummary.of("audit.user.sign-in-failed"), null);
        int failures = users.failedLogins(username).orElse(0);
        if (failures >= settings.maxFailedLogins()) {
            Duration lockout = settings.lockoutDuration();
            users.lock(username, now.plus(lockout));
            auditLog.write(now, username, AuditAction.LOCKED, "User", null, AuditSummary.of("audit.user.locked",
                    lockout.toMinutes(), failures), null);
            log.warn("User {} locked for {} after {} failed logins", username, lockout, failures);
        }
    }
}
