package io.campuscrm.platform.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.campuscrm.platform.StartedHow;
import io.campuscrm.shared.jobs.JobResult;
import io.campuscrm.shared.jobs.ScheduledJob;
import io.campuscrm.shared.security.SystemAuthentication;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Runs a scheduled job once across nodes: it takes the job's lock in the database (ShedLock), closes the runs a
 * stopped node left open, records the run, does the work as the system and records how it ended. A node that does
 * not get the lock does nothing; a user who asked for the run sees that another node has it.
 */
@Component
public class JobRunner {

    /** A scheduled run keeps the job at least this long, so a node whose clock is a little behind does not run it again. */
    static final Duration SCHEDULED_LOCK_AT_LEAST = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Map<String, ScheduledJob> jobs;
    private final LockingTaskExecutor locks;
    private final JobRunStore runs;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    JobRunner(List<ScheduledJob> jobs, LockingTaskExecutor locks, JobRunStore runs, Clock clock) {
        this.jobs = jobs.stream().collect(Collectors.toMap(ScheduledJob::name, Function.identity()));
        this.locks = locks;
        this.runs = runs;
        this.clock = clock;
    }

    /** Every declared job, by name. */
    public List<ScheduledJob> jobs() {
        return jobs.values().stream().sorted(Comparator.comparing(ScheduledJob::name)).toList();
    }

    public Optional<ScheduledJob> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    /**
     * Runs the job here if no node holds it.
     *
     * @return the run's id, or empty when another node holds the job (a user's request then leaves a SKIPPED line)
     */
    public Optional<Long> run(ScheduledJob job, StartedHow how, String startedBy) {
        Duration atLeast = how == StartedHow.SCHEDULE ? min(SCHEDULED_LOCK_AT_LEAST, job.lockAtMostFor())
                : Duration.ZERO;
        var lock = new LockConfiguration(ClockProvider.now(), job.name(), job.lockAtMostFor(), atLeast);
        try {
            var result = locks.executeWithLock(() -> execute(job, how, startedBy), lock);
            if (result.wasExecuted()) {
                return Optional.of(result.getResult());
            }
        } catch (Throwable e) { // the lock provider's own failure: the database is away
            log.warn("Could not take the lock of job {}", job.name(), e);
        }
        if (how == StartedHow.USER) {
            runs.skipped(job.name(), startedBy, node, clock.instant());
        }
        return Optional.empty();
    }

    private long execute(ScheduledJob job, StartedHow how, String startedBy) {
        int abandoned = runs.closeAbandoned(job.name(), clock.instant());
        if (abandoned > 0) {
            log.warn("Job {}: {} run(s) left running by a node that stopped, closed as failed", job.name(), abandoned);
        }
        long id = runs.start(job.name(), how, startedBy, node, clock.instant());
        try {
            JobResult result = SystemAuthentication.call(job::run);
            runs.succeeded(id, clock.instant(), result);
        } catch (RuntimeException e) {
            log.warn("Job {} failed", job.name(), e);
            runs.failed(id, clock.instant(), describe(e));
        }
        return id;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
