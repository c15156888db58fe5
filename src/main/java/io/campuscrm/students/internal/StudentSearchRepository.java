package io.campuscrm.students.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.campuscrm.students.StudentNames;
import io.campuscrm.students.StudentRef;
import io.campuscrm.students.StudentSort;
import io.campuscrm.students.StudentStatus;
import io.campuscrm.students.StudentSummary;

/**
 * The student list and search in SQL (docs/decisions/0010-student-search.md). A text is answered from indexes
 * only: name tokens intersected through {@code student_search_token}, reversed phone digits and e-mails by prefix,
 * student numbers exactly; the candidates are then re-checked against the normalised names, ranked (exact number,
 * phone or e-mail; then names by where the text stands: at a name's start, a word's start, inside), filtered and
 * paged. Without a text the list reads the student table through the index of its sort; by name, that is the index of
 * the reader's language's sort key ({@link StudentSort}). Pages are {@link Slice}s: no count over 100,000 rows.
 */
@Repository
public class StudentSearchRepository {

    /** The names' sort keys (V24, {@link NameSortKeys}), each read in order from its index with the list's filters. */
    private static final Map<String, String> SORTABLE = Map.of(
            StudentSort.NAME, "s.name_sort_en",
            StudentSort.NAME_IN_CHINESE, "s.name_sort_zh",
            "studentNumber", "s.student_number",
            "status", "s.status",
            "createdAt", "s.created_at",
            "birthDate", "s.birth_date");
    private static final String COLUMNS = """
            s.id, s.student_number, s.full_name, s.preferred_name, s.chinese_name, s.birth_date, s.status,
            s.campus_id, s.family_id, s.phone, s.email, s.created_at""";

    private final NamedParameterJdbcTemplate jdbc;

    StudentSearchRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Plain filters of the list, already validated. */
    public record Filters(@Nullable StudentStatus status, @Nullable Long campusId, @Nullable String tag) {
    }

    public Slice<StudentSummary> find(@Nullable SearchQuery query, Filters filters, StudentScope scope,
            Pageable page) {
        if (scope.seesNothing() || query != null && query.isEmpty()) {
            return new SliceImpl<>(List.of(), page, false);
        }
        var statement = statement(query, filters, scope, page);
        List<Row> rows = jdbc.query(statement.sql(), statement.params(), StudentSearchRepository::row);
        boolean hasNext = page.isPaged() && rows.size() > page.getPageSize();
        if (hasNext) {
            rows = rows.subList(0, page.getPageSize());
        }
        return new SliceImpl<>(summaries(rows), page, hasNext);
    }

    /** A query and its parameters; public so that the search benchmark can EXPLAIN exactly what runs. */
    public record Statement(String sql, MapSqlParameterSource params) {
    }

    public Statement statement(@Nullable SearchQuery query, Filters filters, StudentScope scope, Pageable page) {
        var params = new MapSqlParameterSource();
        var sql = new StringBuilder("SELECT ");
        List<String> conditions = new ArrayList<>();
        // The order without a sort: best first for a text, by name (English) for the plain list; null: by full name,
        // which the name-start search reads in order from ix_student_full_name.
        String unsorted = null;
        if (query == null) {
            sql.append(COLUMNS).append(" FROM student s");
            unsorted = "s.name_sort_en, s.id";
        } else if (query.nameStart() != null) {
            // Uses ix_student_full_name; the collation ignores accents and case, so "j" finds "José".
            sql.append(COLUMNS).append(" FROM student s");
            conditions.add("s.full_name LIKE :nameStart");
            params.addValue("nameStart", query.nameStart() + "%");
            conditions.addAll(wordStarts(query, "s", params));
        } else if (query.onlyNames() && page.getSort().isUnsorted()) {
            // Best first: the first token's students in rank order straight from its index, so a common token
            // ("tan") costs a page of rows, not a sort of every candidate.
            sql.append("STRAIGHT_JOIN ").append(COLUMNS).append(" FROM ")
                    .append(nameJoins(query, "s", true, conditions, params));
            unsorted = "t0.pos, t0.sort_key, t0.student_id";
        } else if (query.onlyNames()) {
            sql.append(COLUMNS).append(" FROM ").append(nameJoins(query, "s", false, conditions, params));
        } else {
            sql.append(COLUMNS).append(" FROM (SELECT id, MIN(r) AS r FROM (").append(candidates(query, params))
                    .append(") u GROUP BY id) c JOIN student s ON s.id = c.id");
            unsorted = "c.r, s.full_name, s.id";
        }
        conditions.addAll(filters(filters, scope, params));
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(orderBy(page.getSort(), unsorted));
        if (page.isPaged()) {
            sql.append(" LIMIT :limit OFFSET :offset");
            params.addValue("limit", page.getPageSize() + 1);
            params.addValue("offset", page.getOffset());
        }
        return new Statement(sql.toString(), params);
    }

    /** The candidate ids with their rank (lower is better), one SELECT per way the text can match. */
    private static String candidates(SearchQuery q, MapSqlParameterSource params) {
        List<String> parts = new ArrayList<>();
        if (q.searchesNames()) {
            parts.add(nameCandidates(q, params));
        }
        if (q.numberExact() != null) {
            params.addValue("numberExact", q.numberExact());
            parts.add("SELECT id, 0 AS r FROM student WHERE student_number = :numberExact");
        }
        if (q.numberPrefix() != null) {
            params.addValue("numberPrefix", q.numberPrefix() + "%");
            parts.add("SELECT id, 1 AS r FROM student WHERE student_number LIKE :numberPrefix");
        }
        if (q.phoneSuffix() != null) {
            params.addValue("phoneExact", q.phoneSuffix());
            params.addValue("phoneSuffix", q.phoneSuffix() + "%");
            parts.add("""
                    SELECT id, CASE WHEN phone_rev = :phoneExact THEN 0 ELSE 1 END AS r
                    FROM student WHERE phone_rev LIKE :phoneSuffix""");
            parts.add("""
                    SELECT gs.id, CASE WHEN g.phone_rev = :phoneExact THEN 0 ELSE 1 END AS r
                    FROM guardian g JOIN student gs ON gs.family_id = g.family_id
                    WHERE g.phone_rev LIKE :phoneSuffix""");
        }
        if (q.emailPrefix() != null) {
            params.addValue("emailExact", q.emailPrefix());
            params.addValue("emailPrefix", escapeLike(q.emailPrefix()) + "%");
            parts.add("""
                    SELECT id, CASE WHEN email = :emailExact THEN 0 ELSE 1 END AS r
                    FROM student WHERE email LIKE :emailPrefix""");
            parts.add("""
                    SELECT es.id, CASE WHEN g.email = :emailExact THEN 0 ELSE 1 END AS r
                    FROM guardian g JOIN student es ON es.family_id = g.family_id
                    WHERE g.email LIKE :emailPrefix""");
        }
        return String.join(" UNION ALL ", parts);
    }

    /**
     * Students having every token: a chain of joins on the token key, then the student row; {@code conditions} get
     * the exact re-check on the normalised names. {@code ranked}: the first token is read through its rank index.
     */
    private static String nameJoins(SearchQuery q, String alias, boolean ranked, List<String> conditions,
            MapSqlParameterSource params) {
        var sql = new StringBuilder("student_search_token t0");
        if (ranked) {
            sql.append(" FORCE INDEX (ix_student_search_token_rank)");
        }
        List<String> tokens = q.nameTokens();
        for (int i = 1; i < tokens.size(); i++) {
            sql.append(" JOIN student_search_token t").append(i).append(" ON t").append(i).append(".token = :token")
                    .append(i).append(" AND t").append(i).append(".student_id = t0.student_id");
        }
        sql.append(" JOIN student ").append(alias).append(" ON ").append(alias).append(".id = t0.student_id");
        conditions.add("t0.token = :token0");
        for (int i = 0; i < tokens.size(); i++) {
            params.addValue("token" + i, tokens.get(i));
        }
        for (int i = 0; i < q.nameContains().size(); i++) {
            conditions.add("REPLACE(" + alias + ".search_name, ' ', '') LIKE :contains" + i);
            params.addValue("contains" + i, "%" + q.nameContains().get(i) + "%");
        }
        conditions.addAll(wordStarts(q, alias, params));
        return sql.toString();
    }

    /** Some word of a name starts with each of the query's one- and two-letter words. */
    private static List<String> wordStarts(SearchQuery q, String alias, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < q.nameWordStarts().size(); i++) {
            String start = q.nameWordStarts().get(i);
            conditions.add("(" + alias + ".search_name LIKE :ws" + i + "a OR " + alias + ".search_name LIKE :ws" + i
                    + "b OR " + alias + ".search_name LIKE :ws" + i + "c)");
            params.addValue("ws" + i + "a", start + "%");
            params.addValue("ws" + i + "b", "% " + start + "%");
            params.addValue("ws" + i + "c", "%" + SearchText.NAME_SEPARATOR + start + "%");
        }
        return conditions;
    }

    /** Name matches rank after exact and prefix matches of numbers, phones and e-mails: 2 + the token's position. */
    private static String nameCandidates(SearchQuery q, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        String from = nameJoins(q, "ns", false, conditions, params);
        return "SELECT ns.id, 2 + t0.pos AS r FROM " + from + " WHERE " + String.join(" AND ", conditions);
    }

    private static List<String> filters(Filters filters, StudentScope scope, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        if (filters.status() != null) {
            conditions.add("s.status = :status");
            params.addValue("status", filters.status().name());
        }
        if (filters.campusId() != null) {
            conditions.add("s.campus_id = :campusId");
            params.addValue("campusId", filters.campusId());
        }
        if (filters.tag() != null) {
            conditions.add("EXISTS (SELECT 1 FROM student_tag tg WHERE tg.student_id = s.id AND tg.tag = :tag)");
            params.addValue("tag", filters.tag());
        }
        if (scope.campusIds() != null) {
            conditions.add("s.campus_id IN (:scopeCampuses)");
            params.addValue("scopeCampuses", scope.campusIds());
        }
        if (scope.studentIds() != null) {
            conditions.add("s.id IN (:scopeStudents)");
            params.addValue("scopeStudents", scope.studentIds());
        }
        return conditions;
    }

    /** The id last, in the direction of the sort before it, so that a descending sort reads its index backwards. */
    private static String orderBy(Sort sort, @Nullable String unsorted) {
        List<String> orders = new ArrayList<>();
        String direction = " ASC";
        for (Sort.Order order : sort) {
            String column = SORTABLE.get(order.getProperty());
            if (column != null) {
                direction = order.isAscending() ? " ASC" : " DESC";
                orders.add(column + direction);
            }
        }
        if (orders.isEmpty()) {
            return " ORDER BY " + (unsorted == null ? "s.full_name, s.id" : unsorted);
        }
        orders.add("s.id" + direction);
        return " ORDER BY " + String.join(", ", orders);
    }

    /** Escapes LIKE's wildcards: e-mails often contain underscores. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Row(long id, String number, String fullName, @Nullable String preferredName,
            @Nullable String chineseName, @Nullable LocalDate birthDate, StudentStatus status, @Nullable Long campusId,
            long familyId, @Nullable String phone, @Nullable String email, Instant createdAt) {
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        var birth = rs.getObject("birth_date", LocalDate.class);
        long campus = rs.getLong("campus_id");
        Long campusId = rs.wasNull() ? null : campus;
        return new Row(rs.getLong("id"), rs.getString("student_number"), rs.getString("full_name"),
                rs.getString("preferred_name"), rs.getString("chinese_name"), birth,
                StudentStatus.valueOf(rs.getString("status")), campusId, rs.getLong("family_id"),
                rs.getString("phone"), rs.getString("email"),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    /** Tags and the primary guardian of each row, in two queries for the whole page. */
    private List<StudentSummary> summaries(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> tags = tagsOf(rows.stream().map(Row::id).toList());
        Map<Long, String[]> guardians = primaryGuardians(rows.stream().map(Row::familyId).distinct().toList());
        List<StudentSummary> summaries = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String[] guardian = guardians.get(r.familyId());
            summaries.add(new StudentSummary(r.id(), r.number(), r.fullName(), r.preferredName(), r.chineseName(),
                    r.birthDate(), r.status(), r.campusId(), r.familyId(), guardian == null ? null : guardian[0],
                    guardian == null ? null : guardian[1], r.phone(), r.email(),
                    tags.getOrDefault(r.id(), List.of()), r.createdAt()));
        }
        return summaries;
    }

    public Map<Long, List<String>> tagsOf(Collection<Long> studentIds) {
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.query("SELECT student_id, tag FROM student_tag WHERE student_id IN (:ids) ORDER BY tag",
                Map.of("ids", studentIds),
                rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return tags;
    }

    /** Name and phone of each family's primary contact, or of its first guardian when none is marked. */
    public Map<Long, String[]> primaryGuardians(Collection<Long> familyIds) {
        Map<Long, String[]> guardians = new HashMap<>();
        jdbc.query("""
                SELECT family_id, full_name, phone FROM guardian WHERE family_id IN (:ids)
                ORDER BY primary_contact DESC, id""", Map.of("ids", familyIds),
                rs -> {
                    guardians.putIfAbsent(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return guardians;
    }

    /** The students with these ids that the scope allows, by id. */
    public Map<Long, StudentRef> references(Collection<Long> ids, StudentScope scope) {
        if (ids.isEmpty() || scope.seesNothing()) {
            return Map.of();
        }
        Map<Long, StudentRef> refs = new LinkedHashMap<>();
        jdbc.query("""
                SELECT id, student_number, full_name, preferred_name, campus_id, status
                FROM student WHERE id IN (:ids)""", Map.of("ids", ids), rs -> {
            long id = rs.getLong("id");
            long campus = rs.getLong("campus_id");
            Long campusId = rs.wasNull() ? null : campus;
            if (scope.allows(id, campusId)) {
                refs.put(id, new StudentRef(id, rs.getString("student_number"),
                        StudentNames.display(rs.getString("full_name"), rs.getString("preferred_name")), campusId,
                        StudentStatus.valueOf(rs.getString("status"))));
            }
        });
        return refs;
    }

    /** Existing tags starting with {@code prefix}, for autocomplete: a loose scan of ix_student_tag_tag. */
    /** Tags in use on the students the scope reaches, starting with the prefix, in order. */
    public List<String> tags(String prefix, int limit, StudentScope scope) {
        if (scope.seesNothing()) {
            return List.of();
        }
        var params = new java.util.HashMap<String, Object>(Map.of("prefix", escapeLike(prefix.strip()) + "%",
                "limit", limit));
        StringBuilder sql = new StringBuilder("SELECT DISTINCT t.tag FROM student_tag t");
        if (scope.campusIds() != null) {
            sql.append(" JOIN student s ON s.id = t.student_id AND s.campus_id IN (:campuses)");
            params.put("campuses", scope.campusIds());
        }
        sql.append(" WHERE t.tag LIKE :prefix");
        if (scope.studentIds() != null) {
            sql.append(" AND t.student_id IN (:students)");
            params.put("students", scope.studentIds());
        }
        sql.append(" ORDER BY t.tag LIMIT :limit");
        return jdbc.queryForList(sql.toString(), params, String.class);
    }
}
