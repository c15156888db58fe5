package io.campuscrm.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;

import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.SqlRecorder;
import io.campuscrm.support.TestClock;

/**
 * The dashboard without a browser: the administrator's cards with their figures (a failed job run and a failed
 * message show up), the set-up checklist with the demo's steps done and mail not configured, each linking to its
 * screen; a teacher sees none of them; the dashboard in Chinese.
 */
@CampusIntegrationTest
class DashboardViewIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<SetupStep> steps;

    @Test
    @WithUserDetails("admin")
    void an_administrator_sees_a_failed_job_run_and_a_failed_message_counted_on_their_cards() {
        navigate(DashboardView.class);
        long jobsBefore = figure("jobs-card");
        long mailBefore = figure("mail-card");
        assertThat(caption("mail-card")).endsWith("mail is off");
        assertThat(figure("today-card")).isPositive();

        var now = Timestamp.from(new TestClock().instant());
        jdbc.update("""
                INSERT INTO job_run (job_name, started_how, started_by, node, started_at, finished_at, outcome, error)
                VALUES ('events.resubmit', 'SCHEDULE', 'system', 'test', '2100-01-01', '2100-01-01', 'FAILED', 'boom')
                """);
        jdbc.update("""
                INSERT INTO mail_outbox (kind, recipient, language, subject, body_text, body_html, status, attempts,
                    next_attempt_at, last_error, message_id, created_at, created_by, updated_at)
                VALUES ('TEST', 'dashboard.bounce@example.org', 'en', 'Test message', 'text', '<p>html</p>', 'FAILED',
                    8, ?, '550 5.1.1 Mailbox unavailable', CONCAT('<', UUID(), '@example.org>'), ?, 'system', ?)
                """, now, now, now);
        try {
            UI.getCurrent().refreshCurrentRoute(true);
            assertThat(figure("jobs-card")).isEqualTo(jobsBefore + 1);
            assertThat(figure("mail-card")).isEqualTo(mailBefore + 1);
        } finally {
            jdbc.update("DELETE FROM job_run WHERE node = 'test' AND error = 'boom'");
            jdbc.update("DELETE FROM mail_outbox WHERE recipient = 'dashboard.bounce@example.org'");
        }
    }

    @Test
    @WithUserDetails("admin")
    void the_checklist_marks_what_the_demo_set_up_and_says_mail_is_not_configured() {
        navigate(DashboardView.class);
        var card = $(Div.class).id("setup-card");
        assertThat(stepState("setup-step-campuses")).isEqualTo("Done");
        assertThat(stepState("setup-step-terms")).isEqualTo("Done");
        assertThat(stepState("setup-step-rooms")).isEqualTo("Done");
        assertThat(stepState("setup-step-courses")).isEqualTo("Done");
        assertThat(stepState("setup-step-users")).isEqualTo("Done");
        assertThat(stepState("setup-step-mail")).isEqualTo("To do");
        assertThat($(Span.class).id("setup-summary").getText()).contains("steps to do");
        assertThat(link("setup-step-mail").getHref()).isEqualTo("admin/mail");
        assertThat(link("setup-step-terms").getHref()).isEqualTo("admin/terms");
        assertThat(link("setup-step-settings").getHref()).isEqualTo("admin/settings/modules");
        assertThat(card.getChildren().filter(H3.class::isInstance).map(c -> ((H3) c).getText()))
                .containsExactly("Set-up checklist");
    }

    @Test
    @WithUserDetails("admin")
    void each_set_up_check_costs_one_query_at_most() throws Exception {
        for (SetupStep step : steps) {
            assertThat(SqlRecorder.statementsOf(step::done)).as(step.labelKey()).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_sees_no_administrator_cards() {
        navigate(DashboardView.class);
        var ids = $(Component.class).all().stream().map(c -> c.getId().orElse("")).toList();
        assertThat(ids).doesNotContain("setup-card", "jobs-card", "mail-card", "today-card");
    }

    @Test
    @WithUserDetails("zhang")
    void a_chinese_administrator_reads_the_dashboard_in_chinese() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("zh-SG"));
        navigate(DashboardView.class);
        assertThat(title("setup-card")).isEqualTo("初始设置清单");
        assertThat(stepState("setup-step-mail")).isEqualTo("待完成");
        assertThat(title("mail-card")).isEqualTo("发送失败的邮件");
        assertThat(caption("mail-card")).endsWith("邮件已关闭");
        assertThat(title("today-card")).isEqualTo("今日课次");
    }

    private long figure(String cardId) {
        return Long.parseLong(textOf(cardId, "card-figure").replaceAll("[^0-9]", ""));
    }

    private String caption(String cardId) {
        return textOf(cardId, "card-caption");
    }

    private String title(String cardId) {
        return $(Div.class).id(cardId).getChildren().filter(H3.class::isInstance).map(c -> ((H3) c).getText())
                .findFirst().orElseThrow();
    }

    private String textOf(String cardId, String className) {
        return $(Div.class).id(cardId).getChildren()
                .filter(c -> c instanceof Span span && span.hasClassName(className))
                .map(c -> ((Span) c).getText()).findFirst().orElseThrow();
    }

    private String stepState(String id) {
        return $(ListItem.class).id(id).getChildren()
                .filter(c -> c instanceof Span span && span.hasClassName("setup-state"))
                .map(c -> ((Span) c).getText()).findFirst().orElseThrow();
    }

    private Anchor link(String id) {
        return $(ListItem.class).id(id).getChildren().filter(Anchor.class::isInstance).map(Anchor.class::cast)
                .findFirst().orElseThrow();
    }
}
