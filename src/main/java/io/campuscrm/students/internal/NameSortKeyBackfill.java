package io.campuscrm.students.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up (after Flyway, before the demo data and the first administrator) fills the names' sort keys that are
 * still empty: the students of a database migrated to V24, or every student again after a migration empties the
 * keys because ICU's collation changed (decision 0058). A batch of students at a time, found by key and id through
 * the keys' own indexes ({@code name_sort_xx = '' AND id > ?}), so a database whose keys are all there costs two
 * index look-ups and nothing is ever read whole. Idempotent; a row that a user's change gave its keys meanwhile is
 * left alone. Derived data: neither the version nor the updated time changes.
 */
@Component
@Order(1)
class NameSortKeyBackfill implements ApplicationRunner {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(NameSortKeyBackfill.class);
    /** Each key column, trusted SQL: the rows found empty in one are given both keys. */
    private static final List<String> COLUMNS = List.of("name_sort_en", "name_sort_zh");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    NameSortKeyBackfill(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        int filled = fill(BATCH);
        if (filled > 0) {
            log.info("Filled the name sort keys of {} students in {} ms", filled,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** @return how many students got their keys */
    int fill(int batchSize) {
        int filled = 0;
        for (String column : COLUMNS) {
            long after = 0;
            while (true) {
                long from = after;
                List<Row> rows = jdbc.query("SELECT id, full_name, chinese_name FROM student WHERE " + column
                        + " = '' AND id > ? ORDER BY id LIMIT ?", (rs, n) -> new Row(rs.getLong(1), rs.getString(2),
                        rs.getString(3)), from, batchSize);
                if (rows.isEmpty()) {
                    break;
                }
                filled += write(column, rows);
                after = rows.getLast().id();
                if (rows.size() < batchSize) {
                    break;
                }
            }
        }
        return filled;
    }

    private int write(String column, List<Row> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Row row : rows) {
            args.add(new Object[] {NameSortKeys.english(row.fullName()),
                    NameSortKeys.chinese(row.fullName(), row.chineseName()), row.id()});
        }
        int[][] counts = transaction.execute(status -> jdbc.batchUpdate(
                "UPDATE student SET name_sort_en = ?, name_sort_zh = ? WHERE id = ? AND " + column + " = ''", args,
                args.size(), (ps, a) -> {
                    ps.setBytes(1, (byte[]) a[0]);
                    ps.setBytes(2, (byte[]) a[1]);
                    ps.setLong(3, (Long) a[2]);
                }));
        int updated = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                // the driver may answer SUCCESS_NO_INFO (-2) for a row of a batch: count it as written
                updated += count == 0 ? 0 : 1;
            }
        }
        return updated;
    }

    private record Row(long id, String fullName, @Nullable String chineseName) {
    }
}
