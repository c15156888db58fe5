package io.campuscrm.notifications;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.notifications.internal.MailRenderer;
import io.campuscrm.notifications.internal.MailSettings;
import io.campuscrm.notifications.internal.OutboxMessageEntity;
import io.campuscrm.notifications.internal.OutboxRepository;
import jakarta.validation.Valid;

/**
 * The way other modules send mail: {@link #enqueue} writes the message, rendered, into the outbox in the caller's
 * transaction, and the scheduled sender delivers it once that transaction has committed.
 */
@Service
@Validated
public class OutboxService {

    private final OutboxRepository outbox;
    private final MailRenderer renderer;
    private final MailSettings settings;
    private final Clock clock;

    OutboxService(OutboxRepository outbox, MailRenderer renderer, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Puts a message in the outbox, rendered now in the recipient's language, and returns its id. Only inside a
     * transaction ({@code MANDATORY}): the one of the change the message tells about, so a rolled-back change
     * sends nothing. Any staff role, or the system, may enqueue: the calling service's own rule decides who may
     * make the change that sends mail; this refuses only a caller with no role at all.
     */
    @PreAuthorize("hasAnyRole('ADMIN','ADMISSIONS','TEACHER','FINANCE')")
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(@Valid MailMessage message) {
        var rendered = renderer.render(message);
        var entity = new OutboxMessageEntity(message.kind().name(), message.recipient().strip(),
                message.recipientName(), rendered, clock.instant(), messageId());
        return outbox.save(entity).getId();
    }

    /** A Message-ID fixed now, so that a resend after a crash carries the same one: {@code <uuid@domain>}. */
    private String messageId() {
        String from = settings.from();
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).strip() : "campuscrm.invalid";
        return "<" + UUID.randomUUID() + "@" + domain.toLowerCase(Locale.ROOT) + ">";
    }
}
