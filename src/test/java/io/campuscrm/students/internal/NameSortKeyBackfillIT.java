package io.campuscrm.students.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentStatus;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * Students of a database migrated to V24 have empty sort keys until the start-up backfill fills them, a batch at a
 * time; run again, it finds nothing to do, and it leaves keys that are there alone.
 */
@CampusIntegrationTest
class NameSortKeyBackfillIT {

    @Autowired
    NameSortKeyBackfill backfill;
    @Autowired
    StudentChanges changes;
    @Autowired
    InstitutionService institution;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Test
    void empty_keys_are_filled_in_batches_and_a_second_run_finds_nothing_to_do() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = SystemAuthentication.call(() -> List.of(create("Wei Zhang " + marker, "张伟"),
                create("Émile Zola " + marker, null), create("Na Li " + marker, "李娜"),
                create("刘洋 " + marker, null), create("Aaron Tan " + marker, null)));
        long kept = ids.get(4);
        Map<String, Object> keptKeys = keys(kept);
        // as V24 left the students it found, and one whose Chinese key alone is missing
        jdbc.update("UPDATE student SET name_sort_en = '', name_sort_zh = '' WHERE id IN (:ids)",
                Map.of("ids", ids.subList(0, 3)));
        jdbc.update("UPDATE student SET name_sort_zh = '' WHERE id = :id", Map.of("id", ids.get(3)));
        jdbc.update("UPDATE student SET name_sort_en = 0x01 WHERE id = :id", Map.of("id", kept));

        assertThat(backfill.fill(2)).as("students filled, in batches of two").isEqualTo(4);

        assertThat(keys(ids.get(0))).containsEntry("name_sort_en", NameSortKeys.english("Wei Zhang " + marker))
                .containsEntry("name_sort_zh", NameSortKeys.chinese("Wei Zhang " + marker, "张伟"));
        assertThat(keys(ids.get(1))).containsEntry("name_sort_en", NameSortKeys.english("Émile Zola " + marker))
                .containsEntry("name_sort_zh", NameSortKeys.chinese("Émile Zola " + marker, null));
        assertThat(keys(ids.get(2))).containsEntry("name_sort_zh", NameSortKeys.chinese("Na Li " + marker, "李娜"));
        assertThat(keys(ids.get(3))).containsEntry("name_sort_zh", NameSortKeys.chinese("刘洋 " + marker, null));
        assertThat(keys(kept)).as("a key that is there is not recomputed")
                .containsEntry("name_sort_en", new byte[] {1}).containsEntry("name_sort_zh",
                        keptKeys.get("name_sort_zh"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM student WHERE name_sort_en = '' OR name_sort_zh = ''",
                Map.of(), Integer.class)).as("students without keys").isZero();

        assertThat(backfill.fill(NameSortKeyBackfill.BATCH)).as("a second run").isZero();
        jdbc.update("UPDATE student SET name_sort_en = :key WHERE id = :id",
                Map.of("key", keptKeys.get("name_sort_en"), "id", kept));
    }

    private Map<String, Object> keys(long id) {
        return jdbc.queryForMap("SELECT name_sort_en, name_sort_zh FROM student WHERE id = :id", Map.of("id", id));
    }

    private long create(String fullName, @Nullable String chineseName) {
        long campus = institution.campuses().getFirst().id();
        return changes.create(NewStudent.withNewFamily(new StudentDraft(fullName, null, chineseName, null, null, null,
                null, null, StudentStatus.ACTIVE, campus, Set.of())).anyway()).id();
    }
}
