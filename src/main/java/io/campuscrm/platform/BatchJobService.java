package io.campuscrm.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.campuscrm.platform.internal.BatchRunStore;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.jobs.BatchJobAudience;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import jakarta.annotation.PreDestroy;

/**
 * Spring Batch's runs as the Jobs screen shows and steers them: the executions, newest first, with their progress;
 * start a job, restart a failed or stopped run from where it ended, stop a running one, and recover a run whose
 * server died (Batch 6's {@code recover}: the run is marked failed, so that it can be restarted). Administrators
 * reach every job, finance the jobs a {@link BatchJobAudience} gives it; a run outside the user's reach answers as
 * a missing one. Starts and restarts run in the background, as the system, with who asked in the run's parameters.
 */
@Service
public class BatchJobService {

    private static final Logger log = LoggerFactory.getLogger(BatchJobService.class);

    private final Map<String, Job> jobs;
    private final Map<String, Set<Role>> audiences;
    private final JobOperator operator;
    private final JobRepository repository;
    private final BatchRunStore runs;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService background = Executors.newFixedThreadPool(2, Thread.ofPlatform()
            .name("batch-", 0).daemon().factory());

    BatchJobService(List<Job> jobs, List<BatchJobAudience> audiences, JobOperator operator, JobRepository repository,
            BatchRunStore runs, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
        this.audiences = audiences.stream().collect(Collectors.toMap(BatchJobAudience::jobName,
                BatchJobAudience::roles));
        this.operator = operator;
        this.repository = repository;
        this.runs = runs;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The Batch jobs the user may start, by name; each one's label is the message {@code batch.<name>}. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public List<String> jobNames() {
        return jobs.keySet().stream().filter(this::visible).sorted().toList();
    }

    /** The runs of the jobs the user may see, newest first. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public Slice<BatchRunInfo> runs(Pageable page) {
        Collection<String> names = currentUser.hasRole(Role.ADMIN) ? null
                : audiences.keySet().stream().filter(this::visible).toList();
        return runs.runs(names, page);
    }

    /**
     * How many runs of the jobs the user may see need someone: the latest run of a job instance that failed, or that
     * says it runs but has been quiet for {@link BatchRunInfo#QUIET_BEFORE_RECOVERY} (its server most likely died).
     * One query.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public long needingAttention() {
        Collection<String> names = currentUser.hasRole(Role.ADMIN) ? null
                : audiences.keySet().stream().filter(this::visible).toList();
        // Batch stamps its times with the server's own clock, not the application's: compare with that
        return runs.needingAttention(names, BatchClock.now().minus(BatchRunInfo.QUIET_BEFORE_RECOVERY));
    }

    /** Starts a new run of the job in the background. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public void start(String jobName) {
        Job job = visibleJob(jobName);
        String user = currentUser.username();
        var parameters = new JobParametersBuilder().addString("startedBy", user, false)
                .addLocalDateTime("requestedAt", LocalDateTime.now(clock)).toJobParameters();
        audit("audit.batch.started", jobName, null);
        background.execute(() -> SystemAuthentication.run(() -> {
            try {
                operator.start(job, parameters);
            } catch (Exception e) {
                log.warn("Batch job {} did not start", jobName, e);
            }
        }));
    }

    /** Starts a failed or stopped run again from where it ended, in the background. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public void restart(long executionId) {
        JobExecution execution = visibleExecution(executionId);
        String status = execution.getStatus().name();
        if (!status.equals("FAILED") && !status.equals("STOPPED")) {
            throw new DomainException(null, "jobs.batch.error.not-restartable");
        }
        audit("audit.batch.restarted", execution.getJobInstance().getJobName(), executionId);
        background.execute(() -> SystemAuthentication.run(() -> {
            try {
                operator.restart(execution);
            } catch (Exception e) {
                log.warn("Batch run {} did not restart", executionId, e);
            }
        }));
    }

    /** Asks a running run to stop after its current chunk. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public void stop(long executionId) {
        JobExecution execution = visibleExecution(executionId);
        if (!execution.isRunning()) {
            throw new DomainException(null, "jobs.batch.error.not-running");
        }
        try {
            operator.stop(execution);
        } catch (Exception e) {
            throw new DomainException(null, "jobs.batch.error.not-running");
        }
        audit("audit.batch.stopped", execution.getJobInstance().getJobName(), executionId);
    }

    /**
     * Marks a run whose server died as failed, so that it can be restarted: only a run that says it is running but
     * has committed nothing for {@link #BatchRunInfo.QUIET_BEFORE_RECOVERY}.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public void recover(long executionId) {
        JobExecution execution = visibleExecution(executionId);
        if (!execution.isRunning() || !quietFor(execution, BatchRunInfo.QUIET_BEFORE_RECOVERY)) {
            throw new DomainException(null, "jobs.batch.error.still-active");
        }
        operator.recover(execution);
        audit("audit.batch.recovered", execution.getJobInstance().getJobName(), executionId);
    }

    private boolean quietFor(JobExecution execution, Duration quiet) {
        LocalDateTime last = execution.getLastUpdated();
        for (var step : execution.getStepExecutions()) {
            if (step.getLastUpdated() != null && (last == null || step.getLastUpdated().isAfter(last))) {
                last = step.getLastUpdated();
            }
        }
        return last == null || last.plus(quiet).isBefore(BatchClock.now());
    }

    private void audit(String key, String jobName, @Nullable Long executionId) {
        events.publishEvent(AuditEvent.of(AuditAction.RUN, "BatchJob", executionId == null ? jobName
                : String.valueOf(executionId), AuditSummary.of(key, AuditSummary.key("batch." + jobName))));
    }

    private Job visibleJob(String name) {
        Job job = jobs.get(name);
        if (job == null || !visible(name)) {
            throw new NotFoundException();
        }
        return job;
    }

    private JobExecution visibleExecution(long id) {
        JobExecution execution = repository.getJobExecution(id);
        if (execution == null || !visible(execution.getJobInstance().getJobName())) {
            throw new NotFoundException();
        }
        return execution;
    }

    private boolean visible(String jobName) {
        return currentUser.hasRole(Role.ADMIN)
                || audiences.getOrDefault(jobName, Set.of()).stream().anyMatch(currentUser::hasRole);
    }

    @PreDestroy
    void shutdown() {
        background.shutdownNow();
    }
}
