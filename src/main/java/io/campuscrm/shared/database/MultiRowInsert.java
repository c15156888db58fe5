package io.campuscrm.shared.database;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for one table, written as multi-row {@code INSERT … VALUES (…), (…)} statements of
 * {@value #ROWS_PER_STATEMENT} rows: one round trip per few hundred rows whatever the driver's batch settings (an
 * external database may have other ones). For bulk loads (demo data at benchmark scale); rows are kept until a
 * statement is full or {@link #flush()} is called, so a load that fills several tables that refer to each other
 * flushes the referred ones first. Also for a service's few rows that must go in one round trip whatever their number
 * (a roster's marks): {@link #insertAll}. A {@code tail} ({@code ON DUPLICATE KEY UPDATE …}) follows every statement.
 */
public final class MultiRowInsert {

    public static final int ROWS_PER_STATEMENT = 500;

    private final JdbcTemplate jdbc;
    private final String head;
    private final int columns;
    private final String tuple;
    private final String tail;
    private final List<@Nullable Object[]> pending = new ArrayList<>();
    private @Nullable String fullStatement;
    private long written;

    /** @param tableAndColumns e.g. {@code "room (campus_id, name)"} */
    public MultiRowInsert(JdbcTemplate jdbc, String tableAndColumns, int columns) {
        this(jdbc, tableAndColumns, columns, "");
    }

    /** @param tail what follows the rows of every statement ({@code "ON DUPLICATE KEY UPDATE …"}), or empty */
    public MultiRowInsert(JdbcTemplate jdbc, String tableAndColumns, int columns, String tail) {
        this.jdbc = jdbc;
        this.head = "INSERT INTO " + tableAndColumns + " VALUES ";
        this.columns = columns;
        this.tuple = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        this.tail = tail.isBlank() ? "" : " " + tail.strip();
    }

    /**
     * Writes these rows now, {@value #ROWS_PER_STATEMENT} to a statement (so up to that many in one round trip),
     * each row's values as {@code values} gives them.
     */
    public static <T> void insertAll(JdbcTemplate jdbc, String tableAndColumns, String tail, int columns,
            Collection<T> rows, Function<T, @Nullable Object[]> values) {
        if (rows.isEmpty()) {
            return;
        }
        var insert = new MultiRowInsert(jdbc, tableAndColumns, columns, tail);
        rows.forEach(row -> insert.add(values.apply(row)));
        insert.flush();
    }

    public void add(@Nullable Object... row) {
        if (row.length != columns) {
            throw new IllegalArgumentException(row.length + " values for " + columns + " columns: " + head);
        }
        pending.add(row);
        if (pending.size() == ROWS_PER_STATEMENT) {
            flush();
        }
    }

    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String sql;
        if (pending.size() == ROWS_PER_STATEMENT) {
            if (fullStatement == null) {
                fullStatement = statement(ROWS_PER_STATEMENT);
            }
            sql = fullStatement;
        } else {
            sql = statement(pending.size());
        }
        // Values are bound as they are, nulls as untyped NULL: JdbcTemplate's own binding asks the driver for each
        // null's parameter type, which MariaDB's driver answers by preparing the statement on the server.
        jdbc.update(sql, ps -> {
            int index = 1;
            for (var row : pending) {
                for (var value : row) {
                    if (value == null) {
                        ps.setNull(index++, Types.NULL);
                    } else {
                        ps.setObject(index++, value);
                    }
                }
            }
        });
        written += pending.size();
        pending.clear();
    }

    /** Rows written so far (not those still pending). */
    public long written() {
        return written;
    }

    private String statement(int rows) {
        return head + String.join(", ", Collections.nCopies(rows, tuple)) + tail;
    }
}
