package io.campuscrm.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.SystemAuthentication;
import jakarta.persistence.EntityManager;

/** Runs the demo data steps in order, as the system user; does nothing when the database already has users. */
@Component
public class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final List<DemoDataStep> steps;
    private final UserService users;
    private final TransactionTemplate transaction;
    private final EntityManager entityManager;
    private volatile Map<String, Duration> lastStepDurations = Map.of();

    DemoDataGenerator(List<DemoDataStep> steps, UserService users, TransactionTemplate transaction,
            EntityManager entityManager) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(DemoDataStep::order)).toList();
        this.users = users;
        this.transaction = transaction;
        this.entityManager = entityManager;
    }

    /**
     * Generates all demo data in one transaction: a failed step leaves the database as it was.
     *
     * @return true when data was generated, false when the database was not empty
     */
    public boolean generateIfEmpty(DemoScale scale) {
        return SystemAuthentication.call(() -> transaction.execute(tx -> {
            if (users.stats().total() > 0) {
                return false;
            }
            long start = System.nanoTime();
            var context = new DemoContext();
            context.checkpoint(() -> {
                entityManager.flush();
                entityManager.clear();
            });
            var random = new Random(scale.seed());
            Map<String, Duration> durations = new LinkedHashMap<>();
            for (DemoDataStep step : steps) {
                long stepStart = System.nanoTime();
                step.generate(scale, context, random);
                durations.put(step.getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - stepStart));
            }
            lastStepDurations = Collections.unmodifiableMap(durations);
            log.info("Demo data steps: {}", durations);
            log.info("Demo data generated in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return true;
        }));
    }

    /** How long each step of the last generation took, in step order (for benchmarks); empty before one ran. */
    public Map<String, Duration> lastStepDurations() {
        return lastStepDurations;
    }
}
