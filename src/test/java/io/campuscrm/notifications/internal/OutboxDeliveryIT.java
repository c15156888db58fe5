package io.campuscrm.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.notifications.MailAdministration;
import io.campuscrm.notifications.MailKind;
import io.campuscrm.notifications.MailMessage;
import io.campuscrm.notifications.OutboxService;
import io.campuscrm.notifications.OutboxStatus;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * The outbox against a real SMTP server (GreenMail), read back: what commits is delivered in the recipient's
 * language with the school's footer, what rolls back is not; a server that is down makes a message wait with
 * backoff and then fail; and a sender that dies mid-batch leaves nothing lost and nothing sent twice. Mail is on only
 * in this class's context; the scheduled runs are an hour apart, so each test runs the sender itself.
 */
@CampusIntegrationTest
class OutboxDeliveryIT {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = start();

    @Autowired
    OutboxService outbox;
    @Autowired
    MailAdministration administration;
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxRepository repository;
    @Autowired
    ObjectProvider<JavaMailSender> mailSender;
    @Autowired
    InstitutionService institution;
    @Autowired
    MailSettings settings;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "localhost");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        properties.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        properties.add("campuscrm.mail.from", () -> "office@harbourside.example");
        properties.add("campuscrm.mail.max-attempts", () -> "3");
        properties.add("campuscrm.mail.first-retry", () -> "1m");
    }

    @BeforeEach
    void emptyOutboxAndMailboxes() throws Exception {
        if (!smtp.isRunning()) {
            smtp = start();
        }
        jdbc.update("DELETE FROM mail_outbox");
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Test
    void a_message_enqueued_in_a_committed_transaction_is_delivered_with_text_html_and_the_schools_footer()
            throws Exception {
        String school = SystemAuthentication.call(() -> institution.settings().name());
        inTransaction(() -> outbox.enqueue(new MailMessage(MailKind.TEST, "mei.tan@example.org", "Tan Mei",
                Language.ENGLISH, List.of("admin"))));

        assertThat(run(sender)).isEqualTo(1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Test message from Campus CRM");
        assertThat(mail.getAllRecipients()[0].toString()).contains("mei.tan@example.org");
        assertThat(mail.getFrom()[0].toString()).contains("office@harbourside.example");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("Dear Tan Mei,", "sent by admin", "school's e-mail works", school);
        assertThat(html).contains("<p>Dear Tan Mei,</p>", "school&#39;s e-mail works", "<strong>"
                + org.springframework.web.util.HtmlUtils.htmlEscape(school) + "</strong>");
        var row = jdbc.queryForMap("SELECT status, attempts, sent_at, message_id FROM mail_outbox");
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(mail.getMessageID()).isEqualTo(row.get("message_id"));
    }

    @Test
    void a_chinese_recipient_gets_the_chinese_template_and_an_argument_is_escaped_in_the_html() throws Exception {
        inTransaction(() -> outbox.enqueue(new MailMessage(MailKind.TEST, "wei.zhang@example.org", "张伟",
                Language.SIMPLIFIED_CHINESE, List.of("<b>admin</b>"))));

        run(sender);

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("来自 Campus CRM 的测试邮件");
        assertThat(part(mail, "text/plain")).contains("张伟，您好：", "由 <b>admin</b> 发送");
        assertThat(part(mail, "text/html")).contains("张伟，您好：", "由 &lt;b&gt;admin&lt;/b&gt; 发送")
                .doesNotContain("<b>admin</b>");
    }

    @Test
    void a_message_enqueued_in_a_transaction_that_rolls_back_is_neither_kept_nor_sent() {
        var transaction = new TransactionTemplate(transactionManager);
        SystemAuthentication.run(() -> transaction.executeWithoutResult(status -> {
            outbox.enqueue(new MailMessage(MailKind.TEST, "nobody@example.org", null, null, List.of("admin")));
            status.setRollbackOnly();
        }));

        assertThat(run(sender)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox", Integer.class)).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void enqueue_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> SystemAuthentication.run(() -> outbox.enqueue(new MailMessage(MailKind.TEST,
                "nobody@example.org", null, null, List.of("admin")))))
                .hasMessageContaining("mandatory");
    }

    @Test
    void a_server_that_is_down_makes_a_message_wait_with_backoff_then_fail_and_a_retry_delivers_it() {
        inTransaction(() -> outbox.enqueue(new MailMessage(MailKind.TEST, "li.na@example.org", null, null,
                List.of("admin"))));
        smtp.stop();

        assertThat(run(sender)).isZero();
        var first = row();
        assertThat(first.get("status")).isEqualTo("WAITING");
        assertThat(first.get("attempts")).isEqualTo(1);
        assertThat((String) first.get("last_error")).contains("connect").contains(String.valueOf(SMTP_PORT));
        assertThat(((Timestamp) first.get("next_attempt_at")).toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(run(sender)).as("not due again before its backoff").isZero();
        assertThat(row().get("attempts")).isEqualTo(1);

        run(senderAt(Duration.ofMinutes(2)));
        var second = row();
        assertThat(second.get("status")).isEqualTo("WAITING");
        assertThat(((Timestamp) second.get("next_attempt_at")).toInstant()).as("the wait doubled")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(2 + 2)));
        run(senderAt(Duration.ofMinutes(10)));
        assertThat(row().get("status")).as("after the third and last attempt").isEqualTo("FAILED");
        assertThat(row().get("attempts")).isEqualTo(3);
        assertThat(run(senderAt(Duration.ofDays(1)))).as("a failed message is not tried again by itself").isZero();

        smtp = start();
        long id = ((Number) row().get("id")).longValue();
        long version = ((Number) row().get("version")).longValue();
        SystemAuthentication.run(() -> administration.retry(id, version));
        assertThat(row().get("status")).isEqualTo("WAITING");

        assertThat(run(sender)).isEqualTo(1);
        assertThat(row().get("status")).isEqualTo("SENT");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_sender_killed_mid_batch_loses_nothing_and_after_restart_every_message_is_delivered_exactly_once()
            throws Exception {
        List<String> recipients = IntStream.rangeClosed(1, 6).mapToObj(i -> "parent" + i + "@example.org").toList();
        inTransaction(() -> recipients.forEach(to -> outbox.enqueue(new MailMessage(MailKind.TEST, to, null, null,
                List.of("admin")))));

        // the first run takes the whole batch, sends two of them and dies (its JVM is gone: nothing more is recorded)
        var batch = SystemAuthentication.call(() -> sender.claim(10));
        assertThat(batch.messages()).hasSize(6);
        SystemAuthentication.run(() -> batch.messages().subList(0, 2).forEach(m -> sender.deliver(batch, m)));
        assertThat(statusCounts()).containsEntry("SENT", 2L).containsEntry("SENDING", 4L);

        assertThat(run(sender)).as("a run while the dead one's lease lasts takes none of its messages").isZero();

        OutboxSender restarted = senderAt(settings.lease().plusMinutes(1));
        assertThat(run(restarted)).isEqualTo(4);

        assertThat(statusCounts()).containsOnly(Map.entry("SENT", 6L));
        List<String> delivered = Arrays.stream(smtp.getReceivedMessages())
                .map(m -> GreenMailUtil.getAddressList(unchecked(m)))
                .toList();
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(recipients);
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("SELECT * FROM mail_outbox");
    }

    private Map<String, Long> statusCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT status, COUNT(*) AS n FROM mail_outbox GROUP BY status",
                (java.sql.ResultSet rs) -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    private void inTransaction(Runnable work) {
        var transaction = new TransactionTemplate(transactionManager);
        SystemAuthentication.run(() -> transaction.executeWithoutResult(status -> work.run()));
    }

    private static int run(OutboxSender sender) {
        return SystemAuthentication.call(sender::sendBatch);
    }

    /** The sender of a later run: the same parts, a clock this much later. */
    private OutboxSender senderAt(Duration later) {
        return new OutboxSender(repository, mailSender, institution, settings, transactionManager,
                Clock.offset(clock, later));
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        return find((Multipart) mail.getContent(), type);
    }

    private static String find(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        return null;
    }

    private static jakarta.mail.Address[] unchecked(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        var server = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
