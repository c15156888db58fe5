package io.campuscrm.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's own settings ({@code campuscrm.mail.*}); the server is Spring Boot's {@code spring.mail.*}. When the
 * sender runs is the setting {@code notifications.send-schedule} (the job {@code notifications.send-mail}).
 *
 * @param from         the sender address of every message; mail is not sent without one
 * @param batchSize    the most messages one run sends
 * @param maxAttempts  attempts before a message is given up on (FAILED)
 * @param firstRetry   the wait after the first failed attempt; it doubles after each further one
 * @param maxRetry     the longest wait between two attempts
 * @param lease        how long a run holds the messages it took: a run that died frees them when it ends; longer
 *                     than a batch takes to send
 */
@ConfigurationProperties("campuscrm.mail")
public record MailSettings(
        @DefaultValue("") String from,
        @DefaultValue("20") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("6h") Duration maxRetry,
        @DefaultValue("10m") Duration lease) {

    /** The wait after the given number of failed attempts: first retry, doubled each time, at most max retry. */
    public Duration backoff(int failedAttempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
