package io.campuscrm.attendance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows in one statement ({@code INSERT ... VALUES (..), (..), ..}), whatever the driver does with JDBC
 * batches: MariaDB Connector/J sends a batch of updates or upserts statement by statement, and a roster of 30 must
 * be saved in a fixed number of round trips.
 */
final class MultiRow {

    private MultiRow() {
    }

    /**
     * @param head the statement up to {@code VALUES} ("INSERT INTO t (a, b)")
     * @param tail what follows the rows ("ON DUPLICATE KEY UPDATE ..."), or empty
     */
    static <T> void insert(JdbcTemplate jdbc, String head, String tail, int columns, List<T> rows,
            Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return;
        }
        String one = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
        var sql = new StringBuilder(head).append(" VALUES ");
        List<Object> args = new ArrayList<>(rows.size() * columns);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(one);
            var row = values.apply(rows.get(i));
            if (row.length != columns) {
                throw new IllegalArgumentException("Expected " + columns + " values, got " + row.length);
            }
            args.addAll(java.util.Arrays.asList(row));
        }
        jdbc.update(sql.append(' ').append(tail).toString(), args.toArray());
    }
}
