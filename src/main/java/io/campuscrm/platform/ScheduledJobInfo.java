package io.campuscrm.platform;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A scheduled job as the Jobs screen lists it.
 *
 * @param name     the job's name; its label is the message {@code job.<name>}
 * @param schedule its cron expression, as its setting has it now
 * @param enabled  whether it runs on its schedule
 * @param nextRun  when it runs next, or null while it is off
 * @param lastRun  its latest run, or null before the first
 */
public record ScheduledJobInfo(String name, String schedule, boolean enabled, @Nullable Instant nextRun,
        @Nullable JobRunInfo lastRun) {

    public String labelKey() {
        return "job." + name;
    }

    public String helpKey() {
        return "job." + name + ".help";
    }
}
