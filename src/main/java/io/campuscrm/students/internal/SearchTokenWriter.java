package io.campuscrm.students.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code student_search_token} in step with the students' names, in the saving transaction. */
@Component
public class SearchTokenWriter {

    private final JdbcTemplate jdbc;

    SearchTokenWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the student's tokens; the student row must be flushed already (foreign key). */
    public void replace(long studentId, Collection<String> tokens) {
        jdbc.update("DELETE FROM student_search_token WHERE student_id = ?", studentId);
        insert(Map.of(studentId, tokens));
    }

    /** Inserts the tokens of many students in JDBC batches (the bulk loader's path). */
    public void insert(Map<Long, ? extends Collection<String>> tokensByStudent) {
        List<Object[]> rows = new ArrayList<>();
        tokensByStudent.forEach((id, tokens) -> tokens.forEach(token -> rows.add(new Object[] {token, id})));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO student_search_token (token, student_id) VALUES (?, ?)", rows);
        }
    }
}
