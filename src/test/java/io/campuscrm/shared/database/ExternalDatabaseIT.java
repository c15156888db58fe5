package io.campuscrm.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import io.campuscrm.CampusCrmApplication;

/**
 * An external MariaDB as README describes it: one account for everything (spring.datasource.*), or an owner for
 * Flyway (spring.flyway.user/password) and a runtime account for the application. A separate MariaDB server stands
 * in for the operator's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalDatabaseIT {

    private EmbeddedMariaDb external;
    private SecurityContextHolderStrategy strategyBefore;

    @BeforeAll
    void startTheOperatorsServer() {
        external = new EmbeddedMariaDb(Path.of("target/external-db-it", UUID.randomUUID().toString()),
                new EmbeddedDatabaseProperties(0, "campuscrm", Duration.ofSeconds(60)));
        external.start();
    }

    @AfterAll
    void stopTheOperatorsServer() {
        external.close();
    }

    /** An empty schema for each start, as an operator would create it; the accounts keep their grants. */
    @BeforeEach
    void emptySchema() throws SQLException {
        var owner = external.ownerAccount();
        try (var c = DriverManager.getConnection(external.jdbcUrl(), owner.user(), owner.password());
                var s = c.createStatement()) {
            s.execute("DROP DATABASE campuscrm");
            s.execute("CREATE DATABASE campuscrm");
        }
        strategyBefore = SecurityContextHolder.getContextHolderStrategy();
    }

    /** Each start installs its own context holder strategy; the shared test application needs its own back. */
    @AfterEach
    void restoreStrategy() {
        SecurityContextHolder.setContextHolderStrategy(strategyBefore);
    }

    @Test
    void with_only_spring_datasource_set_flyway_migrates_with_that_same_account() {
        var owner = external.ownerAccount();
        try (var app = start("--spring.datasource.username=" + owner.user(),
                "--spring.datasource.password=" + owner.password())) {
            var jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT DISTINCT installed_by FROM flyway_schema_history", String.class))
                    .containsExactly(owner.user());
            assertThat(jdbc.queryForObject("SELECT CURRENT_USER()", String.class)).startsWith(owner.user() + "@");
        }
    }

    @Test
    void with_spring_flyway_user_set_flyway_migrates_as_the_owner_and_the_application_runs_as_the_runtime_account() {
        var owner = external.ownerAccount();
        var runtime = external.runtimeAccount();
        try (var app = start("--spring.datasource.username=" + runtime.user(),
                "--spring.datasource.password=" + runtime.password(), "--spring.flyway.user=" + owner.user(),
                "--spring.flyway.password=" + owner.password())) {
            var jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT DISTINCT installed_by FROM flyway_schema_history", String.class))
                    .containsExactly(owner.user());
            assertThat(jdbc.queryForObject("SELECT CURRENT_USER()", String.class)).startsWith(runtime.user() + "@");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isPositive();
        }
    }

    private ConfigurableApplicationContext start(String... login) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + external.jdbcUrl(),
                "--campuscrm.data-dir=target/external-db-it/app-" + UUID.randomUUID(), "--server.port=0",
                "--spring.main.banner-mode=off", "--campuscrm.security.initial-admin-password=",
                "--vaadin.devmode.devTools.enabled=false"));
        args.addAll(List.of(login));
        return SpringApplication.run(CampusCrmApplication.class, args.toArray(String[]::new));
    }
}
