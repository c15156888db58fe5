package io.campuscrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.campuscrm.CampusCrmApplication;
import io.campuscrm.platform.internal.JobRunner;
import io.campuscrm.shared.jobs.JobResult;
import io.campuscrm.shared.jobs.ScheduledJob;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/**
 * Two application nodes on one database, as a school with two servers runs: when a job falls due on both at the same
 * moment, it runs on one of them, once (the lock in {@code shedlock}, decision 0063).
 */
class JobsAcrossNodesIT {

    /** How often the test job has done its work, across both nodes. */
    static final AtomicInteger WORK_DONE = new AtomicInteger();

    /** The test's own job, a bean of its two applications only: no stereotype, so no other context scans it. */
    static class CountedJob implements ScheduledJob, SettingsDeclaration {

        static final Setting<String> SCHEDULE = Setting.cron("test", "counted-schedule", "0 0 2 * * *");
        static final Setting<Boolean> ENABLED = Setting.bool("test", "counted-enabled", true);

        @Override
        public String name() {
            return "test.counted";
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
            return List.of(SCHEDULE, ENABLED);
        }

        @Override
        public JobResult run() {
            try {
                Thread.sleep(1500); // long enough for the other node's attempt to meet the lock
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return JobResult.of("job.result.runs-deleted", WORK_DONE.incrementAndGet());
        }
    }

    @Test
    void a_job_due_on_two_nodes_at_the_same_moment_runs_once() throws Exception {
        String dataDir = "target/test-data/jobs-across-nodes-" + UUID.randomUUID();
        try (var first = start("--campuscrm.data-dir=" + dataDir)) {
            var database = (HikariDataSource) first.getBean(DataSource.class);
            try (var second = start("--campuscrm.data-dir=" + dataDir + "-second",
                    "--spring.datasource.url=" + database.getJdbcUrl(),
                    "--spring.datasource.username=" + database.getUsername(),
                    "--spring.datasource.password=" + database.getPassword(), "--spring.flyway.enabled=false")) {
                var nodes = List.of(first, second);
                var barrier = new CyclicBarrier(nodes.size());
                var pool = Executors.newFixedThreadPool(nodes.size());
                List<Future<Optional<Long>>> runs = new ArrayList<>();
                for (var node : nodes) {
                    var runner = node.getBean(JobRunner.class);
                    var job = runner.job("test.counted").orElseThrow();
                    runs.add(pool.submit(() -> {
                        barrier.await(30, TimeUnit.SECONDS);
                        return runner.run(job, StartedHow.SCHEDULE, SystemAuthentication.SYSTEM);
                    }));
                }
                List<Optional<Long>> results = new ArrayList<>();
                for (var run : runs) {
                    results.add(run.get(60, TimeUnit.SECONDS));
                }
                pool.shutdown();

                assertThat(results).filteredOn(Optional::isPresent).as("the node that ran it").hasSize(1);
                assertThat(WORK_DONE).hasValue(1);
                var jdbc = first.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForList("SELECT outcome FROM job_run WHERE job_name = 'test.counted'",
                        String.class)).containsExactly("SUCCEEDED");
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = 'test.counted'",
                        Integer.class)).isOne();
            }
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        var app = new SpringApplication(CampusCrmApplication.class, CountedJob.class);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--campuscrm.security.initial-admin-password=", "--vaadin.devmode.devTools.enabled=false",
                "--campuscrm.jobs.scheduler.enabled=false"));
        return app.run(all.toArray(String[]::new));
    }
}
