package io.campuscrm.notifications.internal;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import io.campuscrm.institution.InstitutionService;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/**
 * Delivers the outbox. Each run, as the system: frees the messages of runs whose lease ran out, takes a batch of due
 * waiting messages under a claim token of its own (one short transaction), then sends them one by one and records
 * each outcome in a short transaction of its own: sent; or waiting again after a backoff that doubles, with the
 * server's answer; or failed after the last attempt. Without {@code spring.mail.host} there is no mail sender and a
 * run does nothing: messages wait.
 * <p>
 * A message is sent at most once per claim, and a run that dies leaves its messages SENDING until the lease ends,
 * when the next run sends them. The one window: the server accepted a message and the run died before it wrote
 * SENT; then the message goes out again, with the same Message-ID header (decision 0062).
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final String MESSAGE_ID = "Message-ID";

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final InstitutionService institution;
    private final MailSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OutboxSender(OutboxRepository outbox, ObjectProvider<JavaMailSender> mailSender, InstitutionService institution,
            MailSettings settings, PlatformTransactionManager transactionManager, Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.institution = institution;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Whether mail is configured ({@code spring.mail.host}); without it a run sends nothing. */
    public boolean mailOn() {
        return mailSender.getIfAvailable() != null;
    }

    /** One run: frees expired leases, takes a batch and sends it; how many messages it sent. */
    public int sendBatch() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        transaction.executeWithoutResult(s -> outbox.releaseExpiredLeases(clock.instant()));
        var batch = claim(settings.batchSize());
        int sent = 0;
        for (ClaimedMail mail : batch.messages()) {
            if (deliver(sender, batch.token(), mail)) {
                sent++;
            }
        }
        return sent;
    }

    /** Takes up to {@code size} due waiting messages for a run of its own. */
    public Batch claim(int size) {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return transaction.execute(s -> {
            outbox.claim(token, now, now.plus(settings.lease()), size);
            return new Batch(token, outbox.claimed(token));
        });
    }

    /** Sends one message of a batch and records the outcome; whether it was sent. */
    public boolean deliver(Batch batch, ClaimedMail mail) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("Mail is off: spring.mail.host is not set");
        }
        return deliver(sender, batch.token(), mail);
    }

    private boolean deliver(JavaMailSender sender, String token, ClaimedMail mail) {
        try {
            send(sender, mail);
        } catch (RuntimeException | MessagingException | UnsupportedEncodingException e) {
            String error = serverAnswer(e);
            Instant now = clock.instant();
            log.warn("Mail {} to {} not sent (attempt {}): {}", mail.getId(), mail.getRecipient(), mail.getAttempts(),
                    error);
            transaction.executeWithoutResult(s -> outbox.markFailed(mail.getId(), token, error,
                    settings.maxAttempts(), now.plus(settings.backoff(mail.getAttempts())), now));
            return false;
        }
        Integer marked = transaction.execute(s -> outbox.markSent(mail.getId(), token, clock.instant()));
        if (marked == null || marked == 0) {
            log.warn("Mail {} was sent after its claim had expired; it may go out twice (same Message-ID)",
                    mail.getId());
        }
        return true;
    }

    private void send(JavaMailSender sender, ClaimedMail mail)
            throws MessagingException, UnsupportedEncodingException {
        if (!StringUtils.hasText(settings.from())) {
            throw new IllegalStateException("No sender address: set campuscrm.mail.from");
        }
        var message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from(), institution.settings().name());
        if (StringUtils.hasText(mail.getRecipientName())) {
            helper.setTo(new InternetAddress(mail.getRecipient(), mail.getRecipientName(),
                    StandardCharsets.UTF_8.name()));
        } else {
            helper.setTo(mail.getRecipient());
        }
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getBodyText(), mail.getBodyHtml());
        // JavaMailSenderImpl keeps a Message-ID set before sending: the one fixed when the message was written
        message.setHeader(MESSAGE_ID, mail.getMessageId());
        sender.send(message);
    }

    /** What the server answered (a 5xx line) or why it could not be reached, from the innermost causes out. */
    static String serverAnswer(Exception e) {
        List<String> answers = new ArrayList<>();
        List<Throwable> roots = new ArrayList<>();
        roots.add(e);
        if (e instanceof MailSendException send) {
            roots.addAll(send.getFailedMessages().values());
        }
        for (Throwable root : roots) {
            for (Throwable t = root; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String text = t.getMessage();
                if (StringUtils.hasText(text) && answers.stream().noneMatch(a -> a.contains(text.strip()))) {
                    answers.removeIf(a -> text.contains(a));
                    answers.add(text.strip());
                }
            }
        }
        String answer = answers.isEmpty() ? e.getClass().getName() : String.join(" — ", answers);
        return answer.length() > MAX_ERROR_LENGTH ? answer.substring(0, MAX_ERROR_LENGTH) : answer;
    }

    /** The messages one run took, under its claim token. */
    public record Batch(String token, List<ClaimedMail> messages) {
    }
}
