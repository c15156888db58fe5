package io.campuscrm.platform;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.jobs.JobResult;

/**
 * One run of a scheduled job.
 *
 * @param node   the application node it ran on (host and process)
 * @param result what it did, for a run that succeeded
 * @param error  why it failed (the exception's message), or a message key after {@code #} for the platform's own
 *               reasons (a node that stopped mid-run, another node running the job)
 */
public record JobRunInfo(long id, String jobName, StartedHow startedHow, String startedBy, String node,
        Instant startedAt, @Nullable Instant finishedAt, JobOutcome outcome, @Nullable JobResult result,
        @Nullable String error) {

    /** How long it took, or has taken until {@code now} while it runs. */
    public Duration duration(Instant now) {
        return Duration.between(startedAt, finishedAt == null ? now : finishedAt);
    }
}
