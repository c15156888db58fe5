package io.campuscrm.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import io.campuscrm.platform.BatchRunInfo;
import io.campuscrm.platform.JobRunInfo;
import io.campuscrm.platform.ScheduledJobInfo;
import io.campuscrm.shared.ui.AccessDeniedView;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The Jobs screen without a browser: every scheduled job with its schedule and next time, "run now" and the run in
 * the job's history, the Batch jobs to start, in English and in Chinese; a teacher is turned away.
 */
@CampusIntegrationTest
class JobsViewIT extends SpringBrowserlessTest {

    /** The scheduled jobs' columns: job, schedule (off or not), last run (and how long), outcome, what it did, next run, actions. */
    private static final int JOB = 0;
    private static final int SCHEDULE = 1;
    private static final int NEXT_RUN = 5;
    private static final int ACTIONS = 6;
    /** The history's columns: started, started by, outcome, took, what it did, server. */
    private static final int STARTED_BY = 1;
    private static final int OUTCOME = 2;
    private static final int RESULT = 4;

    @Test
    @WithUserDetails("admin")
    void an_administrator_sees_every_scheduled_job_runs_one_now_and_reads_what_it_did() {
        navigate(JobsView.class);
        Grid<ScheduledJobInfo> scheduled = grid("scheduled-jobs");
        var names = new ArrayList<String>();
        for (int row = 0; row < test(scheduled).size(); row++) {
            names.add(test(scheduled).getCellText(row, JOB));
        }
        assertThat(names).contains("Send e-mail", "Retry events whose handling failed", "Clear handled events",
                "Clear old job history");
        int purge = names.indexOf("Clear old job history");
        assertThat(((Span) test(scheduled).getCellComponent(purge, SCHEDULE)).getText()).isEqualTo("0 20 3 * * *");
        assertThat(test(scheduled).getCellText(purge, NEXT_RUN)).isNotBlank().isNotEqualTo("—");

        test(scheduled).select(purge);
        Grid<JobRunInfo> history = grid("job-runs");
        int runsBefore = test(history).size(); // the demo ran every job once
        test((Button) test(scheduled).getCellComponent(purge, ACTIONS)).click();

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            history.getDataProvider().refreshAll();
            return test(history).size() > runsBefore && test(history).getCellText(0, OUTCOME).equals("Succeeded");
        });
        assertThat(test(history).getCellText(0, STARTED_BY)).isEqualTo("By hand · admin");
        assertThat(test(history).getCellText(0, RESULT)).startsWith("Deleted ").endsWith(" old runs");
        assertThat($(Button.class).id("start-students.rebuild-name-sort-keys").getText())
                .isEqualTo("Start Rebuild the name sort keys");
        Grid<BatchRunInfo> batch = grid("batch-runs");
        assertThat(batch.getColumns()).hasSize(9);
    }

    @Test
    @WithUserDetails("zhang")
    void a_chinese_administrator_reads_the_jobs_in_chinese() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("zh-SG"));
        navigate(JobsView.class);
        Grid<ScheduledJobInfo> scheduled = grid("scheduled-jobs");
        var names = new ArrayList<String>();
        for (int row = 0; row < test(scheduled).size(); row++) {
            names.add(test(scheduled).getCellText(row, JOB));
        }
        assertThat(names).contains("发送电子邮件", "清理旧的任务记录");
        assertThat(((Button) test(scheduled).getCellComponent(names.indexOf("清理旧的任务记录"), ACTIONS)).getText())
                .isEqualTo("立即执行");
    }

    @Test
    @WithUserDetails("finance")
    void finance_is_told_no_scheduled_job_is_its_own_yet() {
        navigate(JobsView.class);
        assertThat($(Paragraph.class).id("jobs-none").getText()).startsWith("No scheduled job is yours");
        assertThat($(Grid.class).all()).extracting(g -> g.getId().orElse("")).containsOnly("batch-runs");
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_is_turned_away() {
        navigate("admin/jobs", AccessDeniedView.class);
    }

    @SuppressWarnings("unchecked")
    private <T> Grid<T> grid(String id) {
        return $(Grid.class).id(id);
    }
}
