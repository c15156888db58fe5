package io.campuscrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * Spring Batch runs on the Jobs screen's service, on the real job repository: an administrator starts the students'
 * sort key rebuild and watches it complete with its counts; a run whose server died is recovered and restarted.
 */
@CampusIntegrationTest
class BatchJobsIT {

    private static final String REBUILD = "students.rebuild-name-sort-keys";

    @Autowired
    BatchJobService batch;
    @Autowired
    JobRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admin")
    void an_administrator_starts_a_batch_job_and_sees_it_complete_with_what_it_read_and_wrote() {
        long before = latestId();
        jdbc.update("UPDATE student SET name_sort_en = '' WHERE id = (SELECT MIN(id) FROM student)");

        batch.start(REBUILD);

        await().atMost(Duration.ofSeconds(60)).until(() -> latestId() > before && latest().status().equals("COMPLETED"));
        var run = latest();
        long students = jdbc.queryForObject("SELECT COUNT(*) FROM student", Long.class);
        assertThat(run.jobName()).isEqualTo(REBUILD);
        assertThat(run.read()).isEqualTo(students);
        assertThat(run.written()).isEqualTo(students);
        assertThat(run.startedBy()).isEqualTo("admin");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM student WHERE name_sort_en = ''", Long.class)).isZero();
        assertThat(batch.jobNames()).contains(REBUILD);
    }

    @Test
    @WithUserDetails("admin")
    void a_run_whose_server_died_is_recovered_then_restarted_and_completes() throws Exception {
        var parameters = new JobParametersBuilder().addString("startedBy", "admin", false)
                .addLocalDateTime("requestedAt", BatchClock.now().minusHours(2)).toJobParameters();
        var instance = repository.createJobInstance(REBUILD, parameters);
        var died = repository.createJobExecution(instance, parameters, new ExecutionContext());
        died.setStatus(BatchStatus.STARTED);
        died.setStartTime(BatchClock.now().minusHours(1));
        repository.update(died);
        // its server died an hour ago: nothing has been written since
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET LAST_UPDATED = ? WHERE JOB_EXECUTION_ID = ?",
                BatchClock.now().minusHours(1), died.getId());
        var listed = run(died.getId());
        assertThat(listed.running()).isTrue();
        assertThat(listed.recoverable(BatchClock.instant())).isTrue();
        assertThatThrownBy(() -> batch.restart(died.getId())).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "jobs.batch.error.not-restartable");

        batch.recover(died.getId());
        assertThat(run(died.getId()).status()).isEqualTo("FAILED");
        batch.restart(died.getId());

        await().atMost(Duration.ofSeconds(60)).until(() -> latest().executionId() > died.getId()
                && latest().status().equals("COMPLETED"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?",
                Integer.class, instance.getInstanceId())).as("the restart is a run of the same instance").isEqualTo(2);
    }

    @Test
    @WithUserDetails("admin")
    void a_run_that_is_still_active_is_not_recovered() throws Exception {
        var parameters = new JobParametersBuilder().addLocalDateTime("requestedAt", BatchClock.now().minusMinutes(3))
                .toJobParameters();
        var busy = repository.createJobExecution(repository.createJobInstance(REBUILD, parameters), parameters,
                new ExecutionContext());
        busy.setStatus(BatchStatus.STARTED);
        busy.setStartTime(BatchClock.now());
        repository.update(busy);

        assertThatThrownBy(() -> batch.recover(busy.getId())).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "jobs.batch.error.still-active");
        busy.setStatus(BatchStatus.FAILED);
        busy.setEndTime(BatchClock.now());
        repository.update(busy);
    }

    @Test
    @WithUserDetails("finance")
    void finance_sees_no_runs_of_the_administrators_batch_jobs_and_such_a_run_answers_as_missing() throws Exception {
        var parameters = new JobParametersBuilder().addLocalDateTime("requestedAt", BatchClock.now().minusDays(1))
                .toJobParameters();
        var failed = repository.createJobExecution(repository.createJobInstance(REBUILD, parameters), parameters,
                new ExecutionContext());
        failed.setStatus(BatchStatus.FAILED);
        failed.setEndTime(BatchClock.now());
        repository.update(failed);

        assertThat(batch.jobNames()).doesNotContain(REBUILD);
        assertThat(batch.runs(PageRequest.of(0, 50)).getContent()).noneMatch(r -> r.jobName().equals(REBUILD));
        assertThatThrownBy(() -> batch.restart(failed.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> batch.start(REBUILD)).isInstanceOf(NotFoundException.class);
    }

    private long latestId() {
        Long id = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
        return id == null ? 0 : id;
    }

    /** The newest run, read as the system: Awaitility asks from a thread of its own, with no user signed in. */
    private BatchRunInfo latest() {
        return SystemAuthentication.call(() -> batch.runs(PageRequest.of(0, 1)).getContent().getFirst());
    }

    private BatchRunInfo run(long id) {
        return batch.runs(PageRequest.of(0, 50)).getContent().stream().filter(r -> r.executionId() == id)
                .findFirst().orElseThrow();
    }
}
