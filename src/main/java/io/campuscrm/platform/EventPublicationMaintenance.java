package io.campuscrm.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

import io.campuscrm.shared.jobs.JobResult;
import io.campuscrm.shared.jobs.ScheduledJob;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/**
 * Keeps the event publication registry moving (decision 0060), as two scheduled jobs on the Jobs screen:
 * publications whose listener failed (or whose JVM died) are handed to their listener again once they are older
 * than {@code campuscrm.events.resubmit-older-than} — old enough that no listener can still be working on them —
 * and completed publications, kept in the archive, are deleted once older than {@code campuscrm.events.keep-completed}.
 * A restart resubmits every incomplete publication at once
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Jobs run as the system, as the
 * listeners themselves do (see {@link EventListenerExecution}).
 */
@Configuration
class EventPublicationMaintenance {

    static final Setting<String> RESUBMIT_SCHEDULE = Setting.cron("events", "resubmit-schedule", "0 */5 * * * *");
    static final Setting<Boolean> RESUBMIT_ENABLED = Setting.bool("events", "resubmit-enabled", true);
    static final Setting<String> PURGE_SCHEDULE = Setting.cron("events", "purge-schedule", "0 30 3 * * *");
    static final Setting<Boolean> PURGE_ENABLED = Setting.bool("events", "purge-enabled", true);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final JdbcTemplate jdbc;
    private final Duration resubmitOlderThan;
    private final Duration keepCompleted;

    EventPublicationMaintenance(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            JdbcTemplate jdbc, @Value("${campuscrm.events.resubmit-older-than:5m}") Duration resubmitOlderThan,
            @Value("${campuscrm.events.keep-completed:30d}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.jdbc = jdbc;
        this.resubmitOlderThan = resubmitOlderThan;
        this.keepCompleted = keepCompleted;
    }

    @Bean
    SettingsDeclaration eventJobSettings() {
        return () -> List.of(RESUBMIT_SCHEDULE, RESUBMIT_ENABLED, PURGE_SCHEDULE, PURGE_ENABLED);
    }

    /** Hands incomplete publications older than the configured age to their listeners again. */
    @Bean
    ScheduledJob resubmitIncompletePublications() {
        return ScheduledJob.of("events.resubmit", RESUBMIT_SCHEDULE, RESUBMIT_ENABLED, () -> {
            // in archive mode the table holds only incomplete publications: few
            int waiting = count("EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL");
            incomplete.resubmitIncompletePublicationsOlderThan(resubmitOlderThan);
            return JobResult.of("job.result.events-resubmitted", waiting);
        });
    }

    /** Deletes archived (completed) publications older than the configured age, once a night. */
    @Bean
    ScheduledJob purgeCompletedPublications() {
        return ScheduledJob.of("events.purge-completed", PURGE_SCHEDULE, PURGE_ENABLED, () -> {
            completed.deletePublicationsOlderThan(keepCompleted);
            return JobResult.of("job.result.events-purged", keepCompleted.toDays());
        });
    }

    private int count(String fromWhere) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + fromWhere, Integer.class);
        return n == null ? 0 : n;
    }
}
