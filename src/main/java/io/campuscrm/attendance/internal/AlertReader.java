package io.campuscrm.attendance.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.students.StudentSearch;

/**
 * Runs an {@link AlertSql} for the current reader: a page, a capped count, within the reader's scope. The scope is
 * the one rule (decision 0052) applied twice: the lines' campuses in SQL, and then the students, so that a line
 * about a student the reader may not see (one of another campus in a class of theirs) is left out of the list
 * itself, not only of a page, and pages stay where they are.
 */
@Component
public class AlertReader {

    /** More distinct students than this in one reader's list, and the ones beyond may show as short pages. */
    private static final int CANDIDATES = 10_000;
    private static final List<Long> NONE = List.of(-1L);

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final StudentSearch students;

    AlertReader(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, StudentSearch students) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.students = students;
    }

    /** What a reader reaches: every campus, or some; and the students of those lines they may not see. */
    public record Scope(boolean allCampuses, Set<Long> campusIds, Set<Long> hiddenStudents) {
    }

    /**
     * The reader's scope for this list; empty when they reach nothing of it (no office role's campus: a teacher only
     * reaches their own classes, and alerts are office work). A reader of every campus sees every student, so only
     * a reader of some campuses costs the list a second run, for the students it names.
     */
    public Optional<Scope> scope(AlertSql<?> sql) {
        var access = currentUser.scope();
        if (access.seesNothing() || access.teacherOnly()) {
            return Optional.empty();
        }
        if (access.allCampuses()) {
            return Optional.of(new Scope(true, Set.of(), Set.of()));
        }
        var byCampus = new Scope(false, access.campusIds(), Set.of());
        var named = jdbc.queryForList("SELECT DISTINCT a.student_id FROM (" + sql.core() + ") a LIMIT :cap",
                params(sql, byCampus).addValue("cap", CANDIDATES), Long.class);
        Set<Long> hidden = new HashSet<>(named);
        hidden.removeAll(students.references(named).keySet());
        return Optional.of(new Scope(false, access.campusIds(), hidden));
    }

    /** The lines from {@code offset}, at most {@code limit}, in the list's order. */
    public <R> List<R> page(AlertSql<R> sql, Scope scope, long offset, int limit) {
        return jdbc.query("SELECT * FROM (" + sql.core() + ") a WHERE a.student_id NOT IN (:hidden) ORDER BY "
                + sql.order() + " LIMIT :limit OFFSET :offset", params(sql, scope).addValue("limit", limit)
                        .addValue("offset", offset), sql.rows());
    }

    /** How many lines, counting no further than {@code cap}. */
    public int count(AlertSql<?> sql, Scope scope, int cap) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM (" + sql.core()
                + ") a WHERE a.student_id NOT IN (:hidden) LIMIT :cap) c", params(sql, scope).addValue("cap", cap),
                Integer.class);
        return n == null ? 0 : n;
    }

    private static MapSqlParameterSource params(AlertSql<?> sql, Scope scope) {
        return new MapSqlParameterSource(sql.params().getValues()).addValue("all", scope.allCampuses())
                .addValue("campuses", scope.campusIds().isEmpty() ? NONE : scope.campusIds())
                .addValue("hidden", scope.hiddenStudents().isEmpty() ? NONE : scope.hiddenStudents());
    }
}
