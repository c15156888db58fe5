package io.campuscrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.institution.SettingsService;
import io.campuscrm.platform.internal.JobRunStore;
import io.campuscrm.platform.internal.JobRunner;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.jobs.JobResult;
import io.campuscrm.shared.jobs.ScheduledJob;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * Scheduled jobs on one node: run now from the Jobs screen's service, their run history with what they did or why
 * they failed, a run a stopped node left open, and a job that another run holds.
 */
@CampusIntegrationTest
class JobsIT {

    private static final String PURGE = "platform.purge-job-history";

    @Autowired
    JobService jobs;
    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    JobRunStore runStore;
    @Autowired
    SettingsService settings;

    @Test
    @WithUserDetails("admin")
    void an_administrator_runs_a_job_now_and_its_run_shows_what_it_did() {
        var old = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(400)), ZoneOffset.UTC);
        for (int i = 0; i < 3; i++) {
            jdbc.update("INSERT INTO job_run (job_name, started_how, started_by, node, started_at, finished_at, outcome)"
                    + " VALUES ('test.old', 'SCHEDULE', 'system', 'gone', ?, ?, 'SUCCEEDED')", old, old);
        }

        long before = latest(PURGE).id(); // the demo ran every job once
        jobs.runNow(PURGE);

        await().atMost(Duration.ofSeconds(20)).until(() -> latest(PURGE).id() > before
                && latest(PURGE).outcome() == JobOutcome.SUCCEEDED);
        var run = latest(PURGE);
        assertThat(run.startedHow()).isEqualTo(StartedHow.USER);
        assertThat(run.startedBy()).isEqualTo("admin");
        assertThat(run.result()).isNotNull();
        assertThat(run.result().messageKey()).isEqualTo("job.result.runs-deleted");
        assertThat(Integer.parseInt(run.result().args().getFirst())).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM job_run WHERE job_name = 'test.old'", Integer.class))
                .isZero();
        var listed = jobs.scheduledJobs().stream().filter(j -> j.name().equals(PURGE)).findFirst().orElseThrow();
        assertThat(listed.enabled()).isTrue();
        assertThat(listed.schedule()).isEqualTo("0 20 3 * * *");
        assertThat(listed.nextRun()).as("the next 03:20 in the school's zone").isAfter(clock.instant())
                .isBefore(clock.instant().plus(Duration.ofDays(1)));
        assertThat(listed.lastRun()).isEqualTo(run);
    }

    @Test
    void the_demo_ran_every_scheduled_job_once_and_the_mail_job_said_mail_is_off() {
        var mail = SystemAuthentication.call(() -> jobs.runs("notifications.send-mail", PageRequest.of(0, 50)))
                .getContent();
        assertThat(mail).isNotEmpty().allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
            assertThat(r.result()).isEqualTo(JobResult.of("job.result.mail-off"));
        });
        assertThat(SystemAuthentication.call(() -> jobs.scheduledJobs())).allSatisfy(j -> assertThat(j.lastRun())
                .as(j.name()).isNotNull());
    }

    @Test
    @WithUserDetails("admin")
    void a_job_switched_off_in_settings_is_listed_off_with_no_next_run_and_on_again_after_a_reset() {
        String key = "platform.job-history-purge-enabled";
        var state = settings.all().stream().filter(s -> s.setting().key().equals(key)).findFirst().orElseThrow();
        var off = settings.change(key, null, state.institution().version(), "false");

        var listed = jobs.scheduledJobs().stream().filter(j -> j.name().equals(PURGE)).findFirst().orElseThrow();
        assertThat(listed.enabled()).isFalse();
        assertThat(listed.nextRun()).isNull();

        settings.reset(key, null, off.version());
        assertThat(jobs.scheduledJobs().stream().filter(j -> j.name().equals(PURGE)).findFirst().orElseThrow()
                .nextRun()).isNotNull();
    }

    @Test
    void a_job_that_fails_leaves_a_failed_run_with_the_error() {
        var failing = job("test.failing", () -> {
            throw new IllegalStateException("the bank's server did not answer");
        });

        long id = runner.run(failing, StartedHow.SCHEDULE, SystemAuthentication.SYSTEM).orElseThrow();

        var run = runs("test.failing").getFirst();
        assertThat(run.id()).isEqualTo(id);
        assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
        assertThat(run.error()).isEqualTo("IllegalStateException: the bank's server did not answer");
        assertThat(run.finishedAt()).isNotNull();
    }

    @Test
    void a_run_left_open_by_a_node_that_stopped_is_closed_as_failed_when_the_job_next_runs() {
        var now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.update("INSERT INTO job_run (job_name, started_how, started_by, node, started_at, outcome)"
                + " VALUES ('test.reopened', 'SCHEDULE', 'system', 'a node that died', ?, 'RUNNING')", now);
        var job = job("test.reopened", () -> JobResult.of("job.result.runs-deleted", 0));

        runner.run(job, StartedHow.SCHEDULE, SystemAuthentication.SYSTEM);

        var history = runs("test.reopened");
        assertThat(history).extracting(JobRunInfo::outcome).containsExactlyInAnyOrder(JobOutcome.SUCCEEDED,
                JobOutcome.FAILED);
        assertThat(history).filteredOn(r -> r.outcome() == JobOutcome.FAILED).singleElement()
                .satisfies(r -> assertThat(r.error()).isEqualTo(JobRunStore.NODE_STOPPED));
    }

    @Test
    void while_a_run_holds_a_job_a_second_does_not_start_and_a_user_who_asked_sees_why() throws Exception {
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var runsDone = new AtomicInteger();
        var job = job("test.held", () -> {
            holding.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runsDone.incrementAndGet();
            return JobResult.of("job.result.runs-deleted", 0);
        });
        var first = Thread.ofPlatform().start(() -> runner.run(job, StartedHow.SCHEDULE, SystemAuthentication.SYSTEM));
        assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();

        assertThat(runner.run(job, StartedHow.SCHEDULE, SystemAuthentication.SYSTEM)).isEmpty();
        assertThat(runner.run(job, StartedHow.USER, "admin")).isEmpty();
        release.countDown();
        first.join(20_000);

        assertThat(runsDone).hasValue(1);
        assertThat(runs("test.held")).extracting(JobRunInfo::outcome)
                .containsExactlyInAnyOrder(JobOutcome.SUCCEEDED, JobOutcome.SKIPPED);
        assertThat(runs("test.held")).filteredOn(r -> r.outcome() == JobOutcome.SKIPPED).singleElement()
                .satisfies(r -> assertThat(r.error()).isEqualTo(JobRunStore.RUNNING_ELSEWHERE));
    }

    @Test
    @WithUserDetails("finance")
    void finance_does_not_see_the_administrators_jobs_and_such_a_job_answers_as_missing() {
        assertThat(jobs.scheduledJobs()).extracting(ScheduledJobInfo::name).doesNotContain(PURGE);
        assertThatThrownBy(() -> jobs.runNow(PURGE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> jobs.runs(PURGE, PageRequest.of(0, 10))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_may_not_see_the_jobs() {
        assertThatThrownBy(() -> jobs.scheduledJobs()).isInstanceOf(AccessDeniedException.class);
    }

    private JobRunInfo latest(String job) {
        return SystemAuthentication.call(() -> jobs.runs(job, PageRequest.of(0, 1)).getContent().getFirst());
    }

    /** The runs of a job that is not a bean (so not listed), straight from the history. */
    private List<JobRunInfo> runs(String job) {
        return runStore.runs(job, PageRequest.of(0, 20)).getContent();
    }

    /** A job made by the test, not a bean: the runner runs any job it is handed. */
    private static ScheduledJob job(String name, Supplier<JobResult> work) {
        return ScheduledJob.of(name, Setting.cron("test", "schedule", "0 0 2 * * *"), Setting.bool("test", "enabled",
                true), work);
    }
}
