package io.campuscrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.security.SystemAuthentication;

/** The statement counter counts what reaches the database from this thread: plain JDBC, batches, JPA. */
@CampusIntegrationTest
class JdbcStatementCounterIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CourseService courses;

    @Test
    void a_query_counts_once_with_its_sql() throws Exception {
        var counted = JdbcStatementCounter.count(() -> jdbc.queryForObject("SELECT COUNT(*) FROM campus", Long.class));

        assertThat(counted.result()).isPositive();
        assertThat(counted.statements()).containsExactly("SELECT COUNT(*) FROM campus");
    }

    @Test
    @Transactional
    void a_batch_counts_once_however_many_rows_it_carries() throws Exception {
        int count = JdbcStatementCounter.countOf(() -> jdbc.batchUpdate("UPDATE course SET version = version"
                + " WHERE id = ?", List.of(new Object[] {-1L}, new Object[] {-2L}, new Object[] {-3L})));

        assertThat(count).isEqualTo(1);
    }

    @Test
    @Transactional
    void a_null_bound_without_its_type_costs_no_lookup_and_a_parameter_lookup_is_counted_apart() throws Exception {
        var counted = JdbcStatementCounter.count(() -> jdbc.update("UPDATE course SET version = version"
                + " WHERE id = ? OR code = ?", -1L, null));
        assertThat(counted.count()).isEqualTo(1);
        assertThat(counted.parameterLookups()).as("spring.properties: the null's type is not asked for").isZero();

        var lookedUp = JdbcStatementCounter.count(() -> jdbc.execute("SELECT id FROM course WHERE id = ?",
                (org.springframework.jdbc.core.PreparedStatementCallback<Integer>) ps -> ps.getParameterMetaData()
                        .getParameterCount()));
        assertThat(lookedUp.result()).isEqualTo(1);
        assertThat(lookedUp.parameterLookups()).isEqualTo(1);
        assertThat(lookedUp.count()).as("a lookup is no statement").isZero();
    }

    @Test
    void statements_through_jpa_are_counted_too() throws Exception {
        var counted = JdbcStatementCounter.count(() -> SystemAuthentication.call(() -> courses.get(
                jdbc.queryForObject("SELECT MIN(id) FROM course", Long.class))));

        assertThat(counted.count()).isGreaterThanOrEqualTo(2);
        assertThat(counted.statements()).anySatisfy(sql -> assertThat(sql).containsIgnoringCase("from course"));
    }

    @Test
    void work_on_another_thread_is_not_counted_and_counts_nest() throws Exception {
        var pool = Executors.newSingleThreadExecutor();
        try {
            var outer = JdbcStatementCounter.count(() -> {
                pool.submit(() -> jdbc.queryForObject("SELECT 1", Integer.class)).get(10, TimeUnit.SECONDS);
                var inner = JdbcStatementCounter.count(() -> jdbc.queryForObject("SELECT 2", Integer.class));
                assertThat(inner.statements()).containsExactly("SELECT 2");
                return jdbc.queryForObject("SELECT 3", Integer.class);
            });
            assertThat(outer.statements()).containsExactly("SELECT 2", "SELECT 3");
        } finally {
            pool.shutdownNow();
        }
    }
}
