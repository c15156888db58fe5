package io.campuscrm.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.institution.Settings;
import io.campuscrm.shared.jobs.JobResult;
import io.campuscrm.shared.jobs.ScheduledJob;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/**
 * The platform's own job: every night it deletes the run history older than the days its setting keeps (a job that
 * runs every minute writes half a million lines a year), a thousand rows a statement so the table is never locked
 * long. Runs still open are kept whatever their age.
 */
@Configuration
class JobHistoryPurge {

    static final int CHUNK = 1000;
    static final Setting<Integer> DAYS_KEPT = Setting.integer("platform", "job-history-days", 90, 7, 3650);
    static final Setting<String> SCHEDULE = Setting.cron("platform", "job-history-purge-schedule", "0 20 3 * * *");
    static final Setting<Boolean> ENABLED = Setting.bool("platform", "job-history-purge-enabled", true);

    @Bean
    SettingsDeclaration jobHistorySettings() {
        return () -> List.of(DAYS_KEPT, SCHEDULE, ENABLED);
    }

    @Bean
    ScheduledJob purgeJobHistory(JdbcTemplate jdbc, Settings settings, Clock clock) {
        return ScheduledJob.of("platform.purge-job-history", SCHEDULE, ENABLED, () -> {
            var before = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(settings.get(DAYS_KEPT))),
                    ZoneOffset.UTC);
            int deleted = 0;
            int last;
            do {
                last = jdbc.update("DELETE FROM job_run WHERE started_at < ? AND outcome <> 'RUNNING' LIMIT "
                        + CHUNK, before);
                deleted += last;
            } while (last == CHUNK);
            return JobResult.of("job.result.runs-deleted", deleted);
        });
    }
}
