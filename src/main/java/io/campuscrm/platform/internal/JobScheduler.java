package io.campuscrm.platform.internal;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import io.campuscrm.platform.StartedHow;
import io.campuscrm.shared.jobs.ScheduledJob;
import io.campuscrm.shared.security.SystemAuthentication;
import jakarta.annotation.PreDestroy;

/**
 * Fires each scheduled job when its cron setting says, in the school's time zone, on every node; the
 * {@link JobRunner}'s lock lets one of them run it. The schedule is read again before each next time, so a change in
 * Settings takes effect after the run that was already due. Off with {@code campuscrm.jobs.scheduler.enabled=false}
 * (the tests run jobs themselves).
 */
@Component
class JobScheduler {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final JobRunner runner;
    private final JobSchedules schedules;
    private final Clock clock;
    private final boolean enabled;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    JobScheduler(JobRunner runner, JobSchedules schedules, Clock clock,
            @Value("${campuscrm.jobs.scheduler.enabled:true}") boolean enabled) {
        this.runner = runner;
        this.schedules = schedules;
        this.clock = clock;
        this.enabled = enabled;
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("job-");
        scheduler.setClock(clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled) {
            log.info("Scheduled jobs are off here (campuscrm.jobs.scheduler.enabled=false)");
            return;
        }
        scheduler.initialize();
        for (ScheduledJob job : runner.jobs()) {
            scheduler.schedule(() -> fire(job), context -> next(job, context));
        }
        log.info("Scheduled jobs: {}", runner.jobs().stream().map(ScheduledJob::name).toList());
    }

    private void fire(ScheduledJob job) {
        if (SystemAuthentication.call(() -> schedules.enabled(job))) {
            runner.run(job, StartedHow.SCHEDULE, SystemAuthentication.SYSTEM);
        }
    }

    private @Nullable Instant next(ScheduledJob job, TriggerContext context) {
        Instant last = context.lastScheduledExecution();
        Instant from = last == null ? clock.instant() : last;
        return SystemAuthentication.call(() -> schedules.next(job, from));
    }

    @PreDestroy
    void stop() {
        scheduler.shutdown();
    }
}
