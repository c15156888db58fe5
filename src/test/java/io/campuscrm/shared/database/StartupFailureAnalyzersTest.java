package io.campuscrm.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLInvalidAuthorizationSpecException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.mock.env.MockEnvironment;

/** The start-up messages an operator reads name the setting to change. */
class StartupFailureAnalyzersTest {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:mariadb://db:3306/campuscrm");

    @Test
    void a_refused_database_login_names_the_username_and_password_settings() {
        var refused = new BeanCreationException("flyway", "Failed",
                new SQLInvalidAuthorizationSpecException("Access denied for user 'campus'@'10.0.0.2'", "28000"));
        var analysis = new StartupFailureAnalyzers.ExternalDatabase(environment).analyze(refused);
        assertThat(analysis.getDescription()).contains("jdbc:mariadb://db:3306/campuscrm refused the login")
                .contains("Access denied");
        assertThat(analysis.getAction()).contains("spring.datasource.username", "spring.datasource.password");
    }

    @Test
    void with_a_separate_flyway_account_a_refused_login_names_its_settings_too() {
        environment.setProperty("spring.flyway.user", "campus_owner");
        var refused = new BeanCreationException("flyway", "Failed",
                new SQLInvalidAuthorizationSpecException("Access denied for user 'campus_owner'@'10.0.0.2'", "28000"));
        var analysis = new StartupFailureAnalyzers.ExternalDatabase(environment).analyze(refused);
        assertThat(analysis.getAction()).contains("spring.datasource.username", "spring.flyway.user",
                "spring.flyway.password", "SPRING_FLYWAY_PASSWORD");
    }

    @Test
    void an_embedded_database_failure_names_its_setting() {
        var failure = new IllegalStateException("context", new DatabaseStartupException("The data directory /x is not writable",
                "campuscrm.data-dir (CAMPUSCRM_DATA_DIR)"));
        var analysis = new StartupFailureAnalyzers.EmbeddedDatabase().analyze(failure);
        assertThat(analysis.getDescription()).isEqualTo("The data directory /x is not writable");
        assertThat(analysis.getAction()).isEqualTo("Change the setting campuscrm.data-dir (CAMPUSCRM_DATA_DIR).");
    }

    @Test
    void other_failures_are_left_to_spring_boot() {
        assertThat(new StartupFailureAnalyzers.ExternalDatabase(environment)
                .analyze(new IllegalStateException("something else"))).isNull();
    }
}
