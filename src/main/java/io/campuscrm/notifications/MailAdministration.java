package io.campuscrm.notifications;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.notifications.internal.MailSettings;
import io.campuscrm.notifications.internal.OutboxMessageEntity;
import io.campuscrm.notifications.internal.OutboxRepository;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CurrentUser;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/**
 * What administrators do with mail: read the configuration, send a test message, watch the outbox and retry what
 * failed. Every change is on the audit log.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class MailAdministration {

    private static final String ENTITY = "Mail";

    private final OutboxRepository outbox;
    private final OutboxService outboxService;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ObjectProvider<MailProperties> mailProperties;
    private final MailSettings settings;
    private final UserService users;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MailAdministration(OutboxRepository outbox, OutboxService outboxService,
            ObjectProvider<JavaMailSender> mailSender, ObjectProvider<MailProperties> mailProperties,
            MailSettings settings, UserService users, CurrentUser currentUser, ApplicationEventPublisher events,
            Clock clock) {
        this.outbox = outbox;
        this.outboxService = outboxService;
        this.mailSender = mailSender;
        this.mailProperties = mailProperties;
        this.settings = settings;
        this.users = users;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The server settings as configured, without the password; "off" when no server is set. */
    @PreAuthorize("hasRole('ADMIN')")
    public MailConfiguration configuration() {
        MailProperties server = mailProperties.getIfAvailable();
        boolean on = mailSender.getIfAvailable() != null;
        String startTls = server == null ? null : server.getProperties().get("mail.smtp.starttls.enable");
        return new MailConfiguration(on, server == null ? null : server.getHost(),
                server == null ? null : server.getPort(), server == null ? null : server.getUsername(),
                Boolean.parseBoolean(startTls), settings.from().isBlank() ? null : settings.from());
    }

    /** The signed-in administrator's own address, where a test message goes unless they name another. */
    @PreAuthorize("hasRole('ADMIN')")
    public @Nullable String ownAddress() {
        String username = currentUser.username();
        return users.findUsers(new UserFilter(username, null, null), PageRequest.of(0, 20)).stream()
                .filter(u -> u.username().equals(username)).map(u -> u.email()).filter(e -> !e.isBlank())
                .findFirst().orElse(null);
    }

    /** Puts a test message for this address in the outbox; it is sent with the next run, when mail is on. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long sendTestMessage(@NotBlank @Email String address) {
        long id = outboxService.enqueue(new MailMessage(MailKind.TEST, address.strip(), null, users.ownLanguage(),
                List.of(currentUser.username())));
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, ENTITY, id,
                AuditSummary.of("audit.mail.test-sent", address.strip())));
        return id;
    }

    /** The outbox, newest first, optionally of one status. */
    @PreAuthorize("hasRole('ADMIN')")
    public Slice<OutboxEntry> search(@Nullable OutboxStatus status, Pageable page) {
        return outbox.search(status, page).map(OutboxMessageEntity::toEntry);
    }

    /** How many messages wait to be sent and how many failed, for the dashboard: one query. */
    @PreAuthorize("hasRole('ADMIN')")
    public OutboxCounts counts() {
        long waiting = 0;
        long failed = 0;
        for (Object[] row : outbox.countByStatus(EnumSet.of(OutboxStatus.WAITING, OutboxStatus.FAILED))) {
            if (row[0] == OutboxStatus.WAITING) {
                waiting = (Long) row[1];
            } else {
                failed = (Long) row[1];
            }
        }
        return new OutboxCounts(waiting, failed);
    }

    /** A failed message is tried again now, with all its attempts. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public OutboxEntry retry(long id, long version) {
        var message = outbox.findById(id).orElseThrow(NotFoundException::new);
        message.checkVersion(version);
        message.retry(clock.instant());
        var saved = outbox.saveAndFlush(message).toEntry();
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, ENTITY, id,
                AuditSummary.of("audit.mail.retried", saved.recipient())));
        return saved;
    }

    /** Every failed message is tried again now; how many. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int retryAllFailed() {
        int count = outbox.retryAllFailed(clock.instant(), currentUser.username());
        if (count > 0) {
            events.publishEvent(AuditEvent.of(AuditAction.UPDATE, ENTITY, null,
                    AuditSummary.of("audit.mail.retried-all", count)));
        }
        return count;
    }
}
