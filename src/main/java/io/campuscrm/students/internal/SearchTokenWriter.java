package io.campuscrm.students.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code student_search_token} in step with the students' names, in the saving transaction. The table has
 * only its (token, student) key: a student's old tokens are recomputed from the old names and deleted by it.
 */
@Component
public class SearchTokenWriter {

    private final NamedParameterJdbcTemplate jdbc;

    SearchTokenWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long studentId, Collection<String> tokens) {
        List<Map<String, Object>> rows = new ArrayList<>();
        tokens.forEach(token -> rows.add(Map.of("token", token, "id", studentId)));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO student_search_token (token, student_id) VALUES (:token, :id)",
                    rows.stream().map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new));
        }
    }

    /** Swaps the tokens of the old names for those of the new ones, touching only what differs. */
    public void replace(long studentId, Collection<String> oldTokens, Collection<String> newTokens) {
        Set<String> removed = new HashSet<>(oldTokens);
        removed.removeAll(newTokens);
        Set<String> added = new HashSet<>(newTokens);
        added.removeAll(oldTokens);
        if (!removed.isEmpty()) {
            jdbc.update("DELETE FROM student_search_token WHERE token IN (:tokens) AND student_id = :id",
                    Map.of("tokens", removed, "id", studentId));
        }
        add(studentId, added);
    }
}
