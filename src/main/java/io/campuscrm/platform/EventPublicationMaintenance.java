package io.campuscrm.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.security.SystemAuthentication;

/**
 * Keeps the event publication registry moving (decision 0060): publications whose listener failed (or whose JVM
 * died) are handed to their listener again once they are older than {@code campuscrm.events.resubmit-older-than} —
 * old enough that no listener can still be working on them — and completed publications, kept in the archive, are
 * deleted once older than {@code campuscrm.events.keep-completed}. A restart resubmits every incomplete publication
 * at once ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Resubmission runs as the system,
 * as every job does (and the listeners themselves do, see {@link EventListenerExecution}).
 */
@Component
class EventPublicationMaintenance {

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration resubmitOlderThan;
    private final Duration keepCompleted;

    EventPublicationMaintenance(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            @Value("${campuscrm.events.resubmit-older-than:5m}") Duration resubmitOlderThan,
            @Value("${campuscrm.events.keep-completed:30d}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.resubmitOlderThan = resubmitOlderThan;
        this.keepCompleted = keepCompleted;
    }

    /** Hands incomplete publications older than the configured age to their listeners again. */
    @Scheduled(initialDelayString = "${campuscrm.events.resubmit-interval:5m}",
            fixedDelayString = "${campuscrm.events.resubmit-interval:5m}")
    void resubmitIncompletePublications() {
        SystemAuthentication.run(() -> incomplete.resubmitIncompletePublicationsOlderThan(resubmitOlderThan));
    }

    /** Deletes archived (completed) publications older than the configured age, once a night. */
    @Scheduled(cron = "${campuscrm.events.purge-cron:0 30 3 * * *}")
    void purgeCompletedPublications() {
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
