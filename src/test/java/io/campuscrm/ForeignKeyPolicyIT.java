package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.support.CampusIntegrationTest;

/**
 * The foreign key policy of {@code docs/decisions/0053-foreign-keys-across-modules.md}, checked on the migrated
 * schema: a foreign key stays inside its module, or points at the shared kernel's tables (campus, app_user); never
 * into another feature module's tables, which are referred to by id and read through that module's API.
 */
@CampusIntegrationTest
class ForeignKeyPolicyIT {

    /** Which module each migration belongs to; a new migration names its module here. */
    private static final Map<String, String> MODULE_OF_MIGRATION = Map.ofEntries(
            Map.entry("institution", "institution"), Map.entry("security", "security"),
            Map.entry("spring_batch", "platform"), Map.entry("students", "students"),
            Map.entry("scheduling", "scheduling"), Map.entry("enrollment", "scheduling"),
            Map.entry("audit_and_login_indexes", "security"), Map.entry("user_language", "security"),
            Map.entry("family_language", "students"), Map.entry("student_name_sort_keys", "students"),
            Map.entry("guardian_language", "students"), Map.entry("audit_summary_key", "security"),
            Map.entry("event_publication", "platform"), Map.entry("settings", "institution"),
            Map.entry("mail_outbox", "notifications"), Map.entry("scheduled_jobs", "platform"),
            Map.entry("attendance", "attendance"), Map.entry("attendance_report_indexes", "attendance"),
            Map.entry("attendance_absence_notices", "attendance"), Map.entry("attendance_make_up_index", "attendance"),
            Map.entry("lesson_consumption_owed_unit", "attendance"), Map.entry("admissions", "admissions"),
            Map.entry("admissions_lists", "admissions"), Map.entry("lead_intake", "admissions"),
            Map.entry("lead_merge", "admissions"), Map.entry("lead_board_indexes", "admissions"),
            Map.entry("follow_up_digest", "admissions"), Map.entry("lead_pools", "admissions"),
            Map.entry("lead_trials", "admissions"), Map.entry("lead_report_indexes", "admissions"),
            Map.entry("lead_conversion", "admissions"), Map.entry("lead_event_stage_index", "admissions"));

    /** Tables every module may point at: campuses and users belong to the shared kernel of the product. */
    private static final Set<String> SHARED_KERNEL = Set.of("campus", "app_user");

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?"
            + "`?(\\w+)`?");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void no_foreign_key_points_into_another_feature_modules_tables() throws IOException {
        Map<String, String> moduleOfTable = moduleOfTable();
        var keys = jdbc.queryForList("""
                SELECT constraint_name, table_name, referenced_table_name
                FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()
                """);
        assertThat(keys).as("foreign keys in the schema").hasSizeGreaterThan(20);
        List<String> crossing = new ArrayList<>();
        for (var key : keys) {
            String table = ((String) key.get("table_name")).toLowerCase(Locale.ROOT);
            String referenced = ((String) key.get("referenced_table_name")).toLowerCase(Locale.ROOT);
            assertThat(moduleOfTable).as("the module of table " + table).containsKey(table);
            if (!SHARED_KERNEL.contains(referenced)
                    && !moduleOfTable.get(table).equals(moduleOfTable.get(referenced))) {
                crossing.add(key.get("constraint_name") + ": " + table + " (" + moduleOfTable.get(table) + ") → "
                        + referenced + " (" + moduleOfTable.get(referenced) + ")");
            }
        }
        assertThat(crossing).as("foreign keys from one feature module into another").isEmpty();
    }

    @Test
    void the_check_knows_a_crossing_key_when_it_sees_one() throws IOException {
        var modules = moduleOfTable();
        assertThat(modules).containsEntry("class_enrollment", "scheduling").containsEntry("student", "students")
                .containsEntry("campus", "institution");
        assertThat(modules.get("class_enrollment")).isNotEqualTo(modules.get("student"));
    }

    private static Map<String, String> moduleOfTable() throws IOException {
        Map<String, String> modules = new HashMap<>();
        for (Resource migration : new PathMatchingResourcePatternResolver()
                .getResources("classpath:db/migration/V*__*.sql")) {
            String description = migration.getFilename().replaceFirst("^V\\d+__", "").replaceFirst("\\.sql$", "");
            assertThat(MODULE_OF_MIGRATION).as("the module of migration " + migration.getFilename())
                    .containsKey(description);
            var matcher = CREATE_TABLE.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                modules.put(matcher.group(1).toLowerCase(Locale.ROOT), MODULE_OF_MIGRATION.get(description));
            }
        }
        return modules;
    }
}
