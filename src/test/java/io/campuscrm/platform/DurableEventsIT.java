package io.campuscrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import io.campuscrm.CampusCrmApplication;
import io.campuscrm.shared.security.SystemAuthentication;

/**
 * The event publication registry keeps what a listener has not done (decision 0060): a publication whose listener
 * failed stays incomplete in {@code EVENT_PUBLICATION}, is handed to the listener again when the application starts
 * anew on the same database, and is then handled exactly once and archived. An event published in a transaction that
 * rolls back leaves nothing behind; an archived one is purged once older than it is kept. Listeners run as the
 * system.
 */
class DurableEventsIT {

    /** What the test listener did, by event: attempts made, attempts that got through, and as whom. */
    static final Map<UUID, Integer> ATTEMPTS = new ConcurrentHashMap<>();
    static final Map<UUID, Integer> HANDLED = new ConcurrentHashMap<>();
    static final Map<UUID, Boolean> AS_SYSTEM = new ConcurrentHashMap<>();
    static final Map<UUID, PracticeHappened> RECEIVED = new ConcurrentHashMap<>();

    /**
     * A test-only fact, with the kinds of value real events carry; {@code failFirst} makes the listener throw on its
     * first attempt.
     */
    record PracticeHappened(UUID id, boolean failFirst, LocalDate on, LocalDateTime startsLocal, Instant at) {

        PracticeHappened(boolean failFirst) {
            this(UUID.randomUUID(), failFirst, LocalDate.of(2029, 8, 7), LocalDateTime.of(2029, 8, 7, 16, 30),
                    Instant.parse("2029-08-07T08:30:00.123456Z"));
        }
    }

    /** Registered as a source of the test's own application only: no stereotype, so no other context scans it. */
    static class PracticeListener {

        @ApplicationModuleListener
        void on(PracticeHappened event) {
            RECEIVED.put(event.id(), event);
            AS_SYSTEM.put(event.id(), SystemAuthentication.isSystem(
                    SecurityContextHolder.getContext().getAuthentication()));
            if (ATTEMPTS.merge(event.id(), 1, Integer::sum) == 1 && event.failFirst()) {
                throw new IllegalStateException("the first attempt fails, as a listener whose database was down");
            }
            HANDLED.merge(event.id(), 1, Integer::sum);
        }
    }

    @Test
    void a_failed_listener_is_retried_after_a_restart_and_handles_the_event_once() {
        String dataDir = "target/test-data/durable-events-" + UUID.randomUUID();
        var event = new PracticeHappened(true);

        try (var app = start(dataDir)) {
            publish(app, event, false);
            await().atMost(Duration.ofSeconds(20)).until(() -> ATTEMPTS.getOrDefault(event.id(), 0) == 1
                    && "FAILED".equals(status(app, "EVENT_PUBLICATION", event)));
            assertThat(HANDLED).doesNotContainKey(event.id());
            assertThat(jdbc(app).queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL"
                    + " AND SERIALIZED_EVENT LIKE ?", Integer.class, "%" + event.id() + "%")).isOne();
        }

        try (var app = start(dataDir)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> HANDLED.getOrDefault(event.id(), 0) == 1
                    && "COMPLETED".equals(status(app, "EVENT_PUBLICATION_ARCHIVE", event)));
            // nothing is left to resubmit: a further round finds the publication done and hands it to no one
            app.getBean(IncompleteEventPublications.class).resubmitIncompletePublicationsOlderThan(Duration.ZERO);
            assertThat(count(app, "EVENT_PUBLICATION", event)).isZero();
            assertThat(count(app, "EVENT_PUBLICATION_ARCHIVE", event)).isOne();
            assertThat(ATTEMPTS).containsEntry(event.id(), 2);
            assertThat(HANDLED).containsEntry(event.id(), 1);
            assertThat(AS_SYSTEM).containsEntry(event.id(), true);
            assertThat(RECEIVED).as("the event as read back from EVENT_PUBLICATION").containsEntry(event.id(), event);
        }
    }

    @Test
    void an_event_of_a_rolled_back_change_is_neither_stored_nor_handled() {
        String dataDir = "target/test-data/durable-events-" + UUID.randomUUID();
        var rolledBack = new PracticeHappened(false);
        var committed = new PracticeHappened(false);

        try (var app = start(dataDir)) {
            publish(app, rolledBack, true);
            publish(app, committed, false);
            await().atMost(Duration.ofSeconds(20)).until(() -> HANDLED.getOrDefault(committed.id(), 0) == 1
                    && count(app, "EVENT_PUBLICATION_ARCHIVE", committed) == 1);
            assertThat(count(app, "EVENT_PUBLICATION", rolledBack)).isZero();
            assertThat(count(app, "EVENT_PUBLICATION_ARCHIVE", rolledBack)).isZero();
            assertThat(ATTEMPTS).doesNotContainKey(rolledBack.id());
        }
    }

    @Test
    void archived_publications_are_purged_once_older_than_they_are_kept() {
        var event = new PracticeHappened(false);

        try (var app = start("target/test-data/durable-events-" + UUID.randomUUID(),
                "--campuscrm.events.keep-completed=0s")) {
            publish(app, event, false);
            await().atMost(Duration.ofSeconds(20)).until(() -> count(app, "EVENT_PUBLICATION_ARCHIVE", event) == 1);
            app.getBean(EventPublicationMaintenance.class).purgeCompletedPublications().run();
            assertThat(count(app, "EVENT_PUBLICATION_ARCHIVE", event)).isZero();
            assertThat(count(app, "EVENT_PUBLICATION", event)).isZero();
        }
    }

    private static void publish(ConfigurableApplicationContext app, PracticeHappened event, boolean rollBack) {
        app.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
            app.publishEvent(event);
            if (rollBack) {
                tx.setRollbackOnly();
            }
        });
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class);
    }

    private static int count(ConfigurableApplicationContext app, String table, PracticeHappened event) {
        return jdbc(app).queryForObject("SELECT COUNT(*) FROM " + table + " WHERE SERIALIZED_EVENT LIKE ?",
                Integer.class, "%" + event.id() + "%");
    }

    private static @Nullable String status(ConfigurableApplicationContext app, String table, PracticeHappened event) {
        return jdbc(app).query("SELECT STATUS FROM " + table + " WHERE SERIALIZED_EVENT LIKE ?",
                rs -> rs.next() ? rs.getString(1) : null, "%" + event.id() + "%");
    }

    private static ConfigurableApplicationContext start(String dataDir, String... more) {
        var arguments = new ArrayList<>(List.of("--campuscrm.data-dir=" + dataDir, "--server.port=0",
                "--spring.main.banner-mode=off", "--campuscrm.security.initial-admin-password=",
                "--vaadin.devmode.devTools.enabled=false"));
        arguments.addAll(List.of(more));
        return new SpringApplication(CampusCrmApplication.class, PracticeListener.class)
                .run(arguments.toArray(String[]::new));
    }
}
