package io.campuscrm.support;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * MariaDB's EXPLAIN of a statement (as {@link SqlRecorder} caught it, with its parameters bound in order): which
 * index each table is read by, and whether the rows are sorted afterwards.
 */
public final class Explain {

    /** One row of EXPLAIN. */
    public record Step(String table, String type, String key, String extra) {

        public boolean sorts() {
            return extra.contains("Using filesort");
        }
    }

    private Explain() {
    }

    public static List<Step> of(JdbcTemplate jdbc, String sql, Object... parameters) {
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != parameters.length) {
            throw new IllegalArgumentException(placeholders + " parameters in " + sql + ", " + parameters.length
                    + " given");
        }
        return jdbc.queryForList("EXPLAIN " + sql, parameters).stream().map(Explain::step).toList();
    }

    /** A statement with named parameters, as {@code NamedParameterJdbcTemplate} runs it. */
    public static List<Step> of(NamedParameterJdbcTemplate jdbc, String sql, SqlParameterSource parameters) {
        return jdbc.queryForList("EXPLAIN " + sql, parameters).stream().map(Explain::step).toList();
    }

    private static Step step(Map<String, Object> row) {
        return new Step(text(row.get("table")), text(row.get("type")), text(row.get("key")), text(row.get("Extra")));
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
