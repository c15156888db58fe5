package io.campuscrm.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One execution of a Spring Batch job, as the Jobs screen lists it.
 *
 * @param status     Batch's status: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED, UNKNOWN
 * @param read       items read by its steps so far
 * @param written    items written so far
 * @param skipped    items skipped (read, processed or written)
 * @param startedBy  who started it (the {@code startedBy} parameter), or null
 * @param error      its exit message when it failed, or null
 * @param lastActive when its steps last committed a chunk (or it last changed): a run that is STARTED but has not
 *                   been active for long most likely lost its server
 */
public record BatchRunInfo(long executionId, String jobName, String status, @Nullable Instant createdAt,
        @Nullable Instant startedAt, @Nullable Instant endedAt, long read, long written, long skipped,
        @Nullable String startedBy, @Nullable String error, @Nullable Instant lastActive) {

    /** A run that has committed nothing for this long while it says it runs most likely lost its server. */
    public static final Duration QUIET_BEFORE_RECOVERY = Duration.ofMinutes(10);

    /** Whether it may be recovered: running by the repository, and quiet for long enough. */
    public boolean recoverable(Instant now) {
        return running() && (lastActive == null || lastActive.plus(QUIET_BEFORE_RECOVERY).isBefore(now));
    }

    /** Still going (or so the repository says). */
    public boolean running() {
        return status.equals("STARTING") || status.equals("STARTED") || status.equals("STOPPING");
    }

    /** Ended without finishing: it may be started again from where it stopped. */
    public boolean restartable() {
        return status.equals("FAILED") || status.equals("STOPPED");
    }

    public @Nullable Duration duration(Instant now) {
        return startedAt == null ? null : Duration.between(startedAt, endedAt == null ? now : endedAt);
    }

    public String statusKey() {
        return "jobs.batch.status." + status.toLowerCase(Locale.ROOT);
    }
}
