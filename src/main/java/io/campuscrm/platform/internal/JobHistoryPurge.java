package io.campuscrm.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
@Component
class JobHistoryPurge implements ScheduledJob, SettingsDeclaration {

    static final int CHUNK = 1000;
    static final Setting<Integer> DAYS_KEPT = Setting.integer("platform", "job-history-days", 90, 7, 3650);
    static final Setting<String> SCHEDULE = Setting.cron("platform", "job-history-purge-schedule", "0 20 3 * * *");
    static final Setting<Boolean> ENABLED = Setting.bool("platform", "job-history-purge-enabled", true);

    private final JdbcTemplate jdbc;
    private final Settings settings;
    private final Clock clock;

    JobHistoryPurge(JdbcTemplate jdbc, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "platform.purge-job-history";
    }

    @Override
    public Setting<String> schedule() {
        return SCHEDULE;
    }

    @Override
    public Setting<Boolean> enabled() {
        return ENABLED;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(DAYS_KEPT, SCHEDULE, ENABLED);
    }

    @Override
    public JobResult run() {
        var before = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(settings.get(DAYS_KEPT))),
                ZoneOffset.UTC);
        int deleted = 0;
        int last;
        do {
            last = jdbc.update("DELETE FROM job_run WHERE started_at < ? AND outcome <> 'RUNNING' LIMIT " + CHUNK,
                    before);
            deleted += last;
        } while (last == CHUNK);
        return JobResult.of("job.result.runs-deleted", deleted);
    }
}
