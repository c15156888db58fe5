package io.campuscrm.platform;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.campuscrm.platform.internal.JobRunStore;
import io.campuscrm.platform.internal.JobRunner;
import io.campuscrm.platform.internal.JobSchedules;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.jobs.ScheduledJob;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import jakarta.annotation.PreDestroy;

/**
 * The scheduled jobs as the Jobs screen shows them: each with its schedule, latest run and next time, its run
 * history, and "run now". Administrators see every job; finance the jobs that name it ({@link ScheduledJob#alsoFor()});
 * a job outside the user's reach answers as a missing one.
 */
@Service
public class JobService {

    private final JobRunner runner;
    private final JobRunStore runs;
    private final JobSchedules schedules;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService manualRuns = Executors.newFixedThreadPool(2, Thread.ofPlatform()
            .name("job-now-", 0).daemon().factory());

    JobService(JobRunner runner, JobRunStore runs, JobSchedules schedules, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.runner = runner;
        this.runs = runs;
        this.schedules = schedules;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The jobs the user may see, by name, each with its latest run and next time (one query for all runs). */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public List<ScheduledJobInfo> scheduledJobs() {
        Map<String, JobRunInfo> latest = runs.latest();
        return runner.jobs().stream().filter(this::visible).map(job -> {
            boolean on = schedules.enabled(job);
            return new ScheduledJobInfo(job.name(), schedules.cron(job), on,
                    on ? schedules.next(job, clock.instant()) : null, latest.get(job.name()));
        }).toList();
    }

    /** How many of the jobs the user may see failed on their latest run (the one query of {@link #scheduledJobs()}). */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public long failing() {
        Map<String, JobRunInfo> latest = runs.latest();
        return runner.jobs().stream().filter(this::visible).map(job -> latest.get(job.name()))
                .filter(run -> run != null && run.outcome() == JobOutcome.FAILED).count();
    }

    /** A job's runs, newest first. */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public Slice<JobRunInfo> runs(String jobName, Pageable page) {
        return runs.runs(visibleJob(jobName).name(), page);
    }

    /**
     * Runs the job now, in the background, as the system on the user's behalf; the run shows in its history (as
     * SKIPPED when another node has the job at that moment).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public void runNow(String jobName) {
        ScheduledJob job = visibleJob(jobName);
        String user = currentUser.username();
        events.publishEvent(AuditEvent.of(AuditAction.RUN, "Job", job.name(),
                AuditSummary.of("audit.job.run-now", AuditSummary.key("job." + job.name()))));
        manualRuns.execute(() -> runner.run(job, StartedHow.USER, user));
    }

    /**
     * Runs the job now and waits for it to end, on the caller's behalf (the demo data's first runs; a script).
     *
     * @return the run, or empty when another node had the job at that moment
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public Optional<JobRunInfo> runAndWait(String jobName) {
        ScheduledJob job = visibleJob(jobName);
        return runner.run(job, StartedHow.USER, currentUser.username())
                .flatMap(id -> runs.runs(job.name(), PageRequest.of(0, 5)).stream().filter(r -> r.id() == id)
                        .findFirst());
    }

    private ScheduledJob visibleJob(String name) {
        return runner.job(name).filter(this::visible).orElseThrow(() -> new NotFoundException());
    }

    private boolean visible(ScheduledJob job) {
        return currentUser.hasRole(Role.ADMIN) || job.alsoFor().stream().anyMatch(currentUser::hasRole);
    }

    @PreDestroy
    void stop() {
        manualRuns.shutdownNow();
    }
}
