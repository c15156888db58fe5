package io.campuscrm.notifications.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;

import io.campuscrm.notifications.OutboxEntry;
import io.campuscrm.shared.ui.AccessDeniedView;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The mail page without a browser, in the shared test context, where mail is off as in the demo: it says so, a test
 * message waits in the outbox, and a failed message is retried. Other roles are told access is denied.
 */
@CampusIntegrationTest
class MailViewIT extends SpringBrowserlessTest {

    /** The grid's columns: written, recipient, kind, subject, status, attempts, sent at, server's answer, retry. */
    private static final int RECIPIENT = 1;
    private static final int STATUS = 4;
    private static final int ERROR = 7;
    private static final int RETRY = 8;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admin")
    void with_mail_off_the_page_says_so_and_a_test_message_waits_in_the_outbox() {
        navigate(MailView.class);
        assertThat($(Paragraph.class).id("mail-state").getText()).startsWith("Mail is off");

        var address = $(EmailField.class).id("mail-test-address");
        test(address).setValue("office.check@example.org");
        test($(Button.class).id("mail-test-send")).click();

        var grid = outbox();
        assertThat(test(grid).getCellText(0, RECIPIENT)).isEqualTo("office.check@example.org");
        assertThat(test(grid).getCellText(0, STATUS)).isEqualTo("Waiting");
        assertThat(jdbc.queryForList("SELECT summary FROM audit_log WHERE entity_type = 'Mail' ORDER BY id DESC LIMIT 1",
                String.class)).containsExactly("Sent a test message to office.check@example.org");
    }

    @Test
    @WithUserDetails("admin")
    void a_failed_message_shows_the_servers_answer_and_is_waiting_again_after_retry() {
        long id = failedMessage("bounced.parent@example.org");
        navigate(MailView.class);
        var grid = outbox();
        assertThat(test(grid).getCellText(0, RECIPIENT)).isEqualTo("bounced.parent@example.org");
        assertThat(test(grid).getCellText(0, STATUS)).isEqualTo("Failed");
        assertThat(test(grid).getCellText(0, ERROR)).isEqualTo("550 5.1.1 Mailbox unavailable");

        var cell = test(grid).getCellComponent(0, RETRY);
        var retry = (Button) cell.getChildren().findFirst().orElseThrow();
        assertThat(retry.getId()).hasValue("mail-retry-" + id);
        retry.click();

        assertThat(jdbc.queryForObject("SELECT status FROM mail_outbox WHERE id = ?", String.class, id))
                .isEqualTo("WAITING");
        assertThat(test(outbox()).getCellText(0, STATUS)).isEqualTo("Waiting");
    }

    @Test
    @WithUserDetails("zhang")
    void a_chinese_reading_administrator_reads_the_page_in_chinese() {
        navigate(MailView.class);
        assertThat($(Paragraph.class).id("mail-state").getText()).startsWith("邮件已关闭");
        assertThat($(Button.class).id("mail-test-send").getText()).isEqualTo("发送测试邮件");
    }

    @Test
    @WithUserDetails("finance")
    void finance_opening_the_mail_page_is_told_access_is_denied() {
        navigate("admin/mail", AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<OutboxEntry> outbox() {
        return $(Grid.class).id("mail-outbox");
    }

    private long failedMessage(String recipient) {
        var now = Timestamp.from(new TestClock().instant());
        jdbc.update("""
                INSERT INTO mail_outbox (kind, recipient, language, subject, body_text, body_html, status, attempts,
                    next_attempt_at, last_error, message_id, created_at, created_by, updated_at)
                VALUES ('TEST', ?, 'en', 'Test message', 'text', '<p>html</p>', 'FAILED', 8, ?,
                    '550 5.1.1 Mailbox unavailable', CONCAT('<', UUID(), '@example.org>'), ?, 'system', ?)
                """, recipient, now, now, now);
        return List.copyOf(jdbc.queryForList("SELECT MAX(id) FROM mail_outbox", Long.class)).getFirst();
    }
}
