package io.campuscrm.platform.internal;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.shared.jobs.ScheduledJob;

/** A job's schedule and on/off switch as its settings have them now, and its next time in the school's zone. */
@Component
public class JobSchedules {

    private final Settings settings;
    private final InstitutionService institution;

    JobSchedules(Settings settings, InstitutionService institution) {
        this.settings = settings;
        this.institution = institution;
    }

    public String cron(ScheduledJob job) {
        return settings.get(job.schedule());
    }

    public boolean enabled(ScheduledJob job) {
        return settings.get(job.enabled());
    }

    /** The next time the job is due after {@code from}, or null when its schedule never fires again. */
    public @Nullable Instant next(ScheduledJob job, Instant from) {
        ZonedDateTime next = CronExpression.parse(cron(job)).next(from.atZone(institution.settings().timeZone()));
        return next == null ? null : next.toInstant();
    }
}
