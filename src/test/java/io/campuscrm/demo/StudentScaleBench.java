package io.campuscrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.StudentBulkLoader;
import io.campuscrm.students.StudentFiles;
import io.campuscrm.students.StudentFilter;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentSort;
import io.campuscrm.students.internal.SearchQuery;
import io.campuscrm.students.internal.StudentScope;
import io.campuscrm.students.internal.StudentSearchRepository;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.Explain;

/**
 * Not part of the normal build (the name matches neither *Test nor *IT): loads 100,000 demo students into its own
 * test database, checks with EXPLAIN that no search or list query scans a table and that the lists by name (English
 * and Chinese order) are read in order from an index, and logs the timings of search, the first list page and
 * opening a file. Run alone:
 * {@code ./mvnw -B verify -Dtest=none -Dit.test=StudentScaleBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * The benchmark harness measures properly; this is the engineer's check of the plans.
 */
@CampusIntegrationTest
class StudentScaleBench {

    private static final Logger log = LoggerFactory.getLogger(StudentScaleBench.class);
    private static final int STUDENTS = Integer.getInteger("bench.students", 100_000);
    private static final List<String> QUERIES = List.of("tan", "wei", "wei ming", "weiming", "tan wei ming", "jose",
            "zoe", "aisyah", "kumar", "ng", "t", "陈", "伟明", "陈伟明", "4567", "9123 4567", "mei.ling", "S050000",
            "50000", "nur aisyah binte");

    @Autowired
    StudentBulkLoader loader;
    @Autowired
    StudentFiles studentFiles;
    @Autowired
    StudentSearch studentSearch;
    @Autowired
    StudentSearchRepository search;
    @Autowired
    InstitutionService institution;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Test
    void search_list_and_file_open_use_indexes_at_scale() {
        SystemAuthentication.run(this::run);
    }

    private void run() {
        var campuses = institution.campuses();
        ZoneId zone = institution.settings().timeZone();
        var families = new DemoFamilies(new Random(42), campuses, LocalDate.now(zone), zone).generate(STUDENTS);
        if (Boolean.getBoolean("bench.bigdb")) {
            jdbc.getJdbcTemplate().execute("SET GLOBAL innodb_log_file_size = 536870912");
            jdbc.getJdbcTemplate().execute("SET GLOBAL innodb_buffer_pool_size = 536870912");
        }
        log.info("server: {}", jdbc.getJdbcTemplate().queryForList("SHOW VARIABLES WHERE Variable_name IN "
                + "('innodb_log_file_size', 'innodb_buffer_pool_size', 'innodb_flush_log_at_trx_commit')"));
        long start = System.nanoTime();
        List<Long> ids = loader.load(families);
        long loadMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        log.info("Loaded {} students in {} families in {} ms", ids.size(), families.size(), loadMs);
        assertThat(loadMs).as("bulk load time").isLessThan(60_000);
        jdbc.getJdbcTemplate().execute("ANALYZE TABLE student, guardian, family, student_search_token, student_tag");

        List<String> scans = new ArrayList<>();
        for (String text : QUERIES) {
            var statement = search.statement(SearchQuery.of(text), new StudentSearchRepository.Filters(null, null,
                    null), StudentScope.EVERYTHING, PageRequest.of(0, 20));
            scans.addAll(scansIn(text, statement));
        }
        var list = search.statement(null, new StudentSearchRepository.Filters(null, null, null),
                StudentScope.EVERYTHING, PageRequest.of(0, 50, Sort.by("fullName")));
        scans.addAll(scansIn("(list)", list));
        var campusList = search.statement(null, new StudentSearchRepository.Filters(null, campuses.getFirst().id(),
                null), new StudentScope(java.util.Set.of(campuses.getFirst().id()), null),
                PageRequest.of(0, 50, Sort.by("fullName")));
        scans.addAll(scansIn("(campus list)", campusList));
        List<String> sorts = new ArrayList<>();
        for (var sort : List.of(StudentSort.NAME, StudentSort.NAME_IN_CHINESE)) {
            var byName = search.statement(null, new StudentSearchRepository.Filters(null, null, null),
                    StudentScope.EVERYTHING, PageRequest.of(0, 50, Sort.by(sort)));
            scans.addAll(scansIn("(list by " + sort + ")", byName));
            sorts.addAll(sortsIn("(list by " + sort + ")", byName));
            var campusByName = search.statement(null, new StudentSearchRepository.Filters(null,
                    campuses.getFirst().id(), null), new StudentScope(java.util.Set.of(campuses.getFirst().id()),
                    null), PageRequest.of(0, 50, Sort.by(sort)));
            scans.addAll(scansIn("(campus list by " + sort + ")", campusByName));
            sorts.addAll(sortsIn("(campus list by " + sort + ")", campusByName));
        }
        assertThat(scans).as("full table scans").isEmpty();
        assertThat(sorts).as("lists by name sorted after reading instead of read in order").isEmpty();

        Map<String, Long> p95 = new LinkedHashMap<>();
        for (String text : QUERIES) {
            p95.put("search " + text, p95(() -> studentSearch.quickSearch(text, 20)));
        }
        p95.put("list first page", p95(() -> studentSearch.find(StudentFilter.all(), PageRequest.of(0, 50,
                Sort.by("fullName")))));
        p95.put("list first page, one campus", p95(() -> studentSearch.find(new StudentFilter(null, null,
                campuses.getFirst().id(), null), PageRequest.of(0, 50, Sort.by("fullName")))));
        p95.put("list first page, Chinese order", p95(() -> studentSearch.find(StudentFilter.all(),
                PageRequest.of(0, 50, Sort.by(StudentSort.NAME_IN_CHINESE)))));
        var random = new Random(7);
        p95.put("file open", p95(() -> studentFiles.file(ids.get(random.nextInt(ids.size())))));
        p95.forEach((what, ms) -> log.info("p95 {}: {} ms", what, ms));
    }

    private List<String> scansIn(String text, StudentSearchRepository.Statement statement) {
        List<String> scans = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("EXPLAIN " + statement.sql(), statement.params())) {
            log.info("EXPLAIN [{}] table={} type={} key={} rows={} extra={}", text, row.get("table"),
                    row.get("type"), row.get("key"), row.get("rows"), row.get("Extra"));
            String table = String.valueOf(row.get("table"));
            if ("ALL".equals(row.get("type")) && !table.startsWith("<")) {
                scans.add(text + ": " + table);
            }
        }
        return scans;
    }

    private List<String> sortsIn(String text, StudentSearchRepository.Statement statement) {
        return Explain.of(jdbc, statement.sql(), statement.params()).stream().filter(Explain.Step::sorts)
                .map(step -> text + ": " + step.table() + " " + step.extra()).toList();
    }

    /** Milliseconds under which 95 of 100 runs finish, after 5 warm-up runs. */
    private static long p95(Supplier<?> work) {
        for (int i = 0; i < 5; i++) {
            work.get();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            work.get();
            times.add(System.nanoTime() - start);
        }
        times.sort(null);
        return TimeUnit.NANOSECONDS.toMillis(times.get(94));
    }
}
