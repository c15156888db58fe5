package io.campuscrm.shared.jobs;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.settings.Setting;

/**
 * Work that runs on a schedule, e.g. sending the mail outbox or resubmitting events whose listener failed. A module
 * declares it as a bean; the platform runs it once across all nodes, under the system's authority, when its
 * {@link #schedule()} says and while {@link #enabled()} is on; an administrator also runs it now from the Jobs screen.
 * Its label is the message {@code job.<name>}, what it does {@code job.<name>.help}, in both bundles.
 */
public interface ScheduledJob {

    /** Stable and unique, lower case with dots and dashes, e.g. {@code notifications.send-mail}. */
    String name();

    /** When it runs: a cron setting the module declares (so administrators can change it in Settings). */
    Setting<String> schedule();

    /** Whether it runs on its schedule: an on/off setting the module declares; "run now" works either way. */
    Setting<Boolean> enabled();

    /** Roles besides the administrator that see the job and may run it now (finance for its own jobs). */
    default Set<Role> alsoFor() {
        return Set.of();
    }

    /**
     * The longest a run keeps the job locked: a node that dies mid-run frees the job after it. Longer than any run
     * should take.
     */
    default Duration lockAtMostFor() {
        return Duration.ofMinutes(30);
    }

    /** Does the work, as the system, and says in one line what it did; a failure throws. */
    JobResult run();

    /** A job of a name, its two settings and its work, for a module that declares it as a {@code @Bean}. */
    static ScheduledJob of(String name, Setting<String> schedule, Setting<Boolean> enabled, Supplier<JobResult> work) {
        return new Declared(name, schedule, enabled, work);
    }

    /** What {@link #of} makes. */
    record Declared(String name, Setting<String> schedule, Setting<Boolean> enabled, Supplier<JobResult> work)
            implements ScheduledJob {

        @Override
        public JobResult run() {
            return work.get();
        }
    }
}
