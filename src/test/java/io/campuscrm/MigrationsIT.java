package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.support.CampusIntegrationTest;

/** The schema comes from Flyway alone, on the real embedded MariaDB 11.4, and Hibernate validates it. */
@CampusIntegrationTest
class MigrationsIT {

    @Autowired
    Flyway flyway;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_migration_applies_on_mariadb_and_none_is_pending() {
        var info = flyway.info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.applied()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(m -> assertThat(m.getState().isFailed()).isFalse());
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).startsWith("11.4");
    }

    @Test
    void flyway_migrates_as_the_owner_account_and_the_application_runs_as_the_runtime_account() {
        assertThat(jdbc.queryForList("SELECT DISTINCT installed_by FROM flyway_schema_history", String.class))
                .containsExactly("campuscrm_owner");
        assertThat(jdbc.queryForObject("SELECT CURRENT_USER()", String.class)).isEqualTo("campuscrm_app@127.0.0.1");
    }

    @Test
    void spring_batch_keeps_its_job_repository_in_the_same_database() {
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_name LIKE 'BATCH\\_%' AND table_type = 'BASE TABLE'
                """, Integer.class)).isEqualTo(6);
    }

    @Test
    void tables_store_text_as_utf8mb4_so_every_script_fits() {
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT character_set_name FROM information_schema.columns
                WHERE table_schema = DATABASE() AND table_name IN ('app_user', 'campus', 'institution')
                  AND character_set_name IS NOT NULL
                """, String.class)).containsExactly("utf8mb4");
    }
}
