package io.campuscrm.students.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code student_search_token} in step with the students' names, in the saving transaction. A student's old
 * tokens are recomputed from the old names and deleted by the table's (token, student) key.
 */
@Component
public class SearchTokenWriter {

    private final NamedParameterJdbcTemplate jdbc;

    SearchTokenWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param tokens each token with its position ({@link SearchText#tokens}) */
    public void add(long studentId, Map<String, Integer> tokens, String sortKey) {
        List<SqlParameterSource> rows = new ArrayList<>();
        tokens.forEach((token, pos) -> rows.add(new MapSqlParameterSource(Map.of("token", token, "id", studentId,
                "pos", pos, "sortKey", sortKey))));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO student_search_token (token, student_id, pos, sort_key)
                    VALUES (:token, :id, :pos, :sortKey)""", rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** Rewrites the tokens after the names changed (every token carries the full name's sort key). */
    public void replace(long studentId, Collection<String> oldTokens, Map<String, Integer> newTokens,
            String sortKey) {
        if (!oldTokens.isEmpty()) {
            jdbc.update("DELETE FROM student_search_token WHERE token IN (:tokens) AND student_id = :id",
                    Map.of("tokens", oldTokens, "id", studentId));
        }
        add(studentId, newTokens, sortKey);
    }
}
