package io.campuscrm.students.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.campuscrm.students.FamilySummary;
import io.campuscrm.students.StudentSummary;

/**
 * Finds families to link a new student to: by family number, family or guardian name (start), a guardian's phone
 * (last digits) or e-mail (start), or any part of a member student's name. Index lookups only.
 */
@Repository
public class FamilySearchRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final StudentSearchRepository students;

    FamilySearchRepository(NamedParameterJdbcTemplate jdbc, StudentSearchRepository students) {
        this.jdbc = jdbc;
        this.students = students;
    }

    public List<FamilySummary> find(String text, int limit) {
        String t = text.strip();
        Set<Long> ids = new LinkedHashSet<>();
        if (t.isEmpty()) {
            ids.addAll(jdbc.queryForList("SELECT id FROM family ORDER BY display_name, id LIMIT :limit",
                    Map.of("limit", limit), Long.class));
            return summaries(ids);
        }
        String prefix = StudentSearchRepository.escapeLike(t) + "%";
        ids.addAll(jdbc.queryForList("SELECT id FROM family WHERE family_number = :number",
                Map.of("number", t.toUpperCase(Locale.ROOT)), Long.class));
        String digits = t.replaceAll("\\D", "");
        if (t.matches("[+\\d\\s().\\-/]+") && digits.length() >= SearchQuery.MIN_PHONE_DIGITS) {
            ids.addAll(jdbc.queryForList("SELECT family_id FROM guardian WHERE phone_rev LIKE :rev LIMIT :limit",
                    Map.of("rev", new StringBuilder(digits).reverse() + "%", "limit", limit), Long.class));
        } else {
            // One indexed prefix search per column: an OR across columns would scan the table.
            query(ids, "SELECT id FROM family WHERE display_name LIKE :p ORDER BY display_name LIMIT :limit", prefix,
                    limit);
            query(ids, "SELECT family_id FROM guardian WHERE full_name LIKE :p ORDER BY full_name LIMIT :limit",
                    prefix, limit);
            query(ids, "SELECT family_id FROM guardian WHERE email LIKE :p ORDER BY email LIMIT :limit",
                    prefix.toLowerCase(Locale.ROOT), limit);
            var members = students.find(SearchQuery.of(t), new StudentSearchRepository.Filters(null, null, null),
                    StudentScope.EVERYTHING, PageRequest.of(0, limit));
            members.stream().map(StudentSummary::familyId).forEach(ids::add);
        }
        return summaries(ids.stream().limit(limit).toList());
    }

    private void query(Set<Long> ids, String sql, String pattern, int limit) {
        ids.addAll(jdbc.queryForList(sql, Map.of("p", pattern, "limit", limit), Long.class));
    }

    /** The families with these ids, in the ids' order; an unknown id is left out. Two statements. */
    public List<FamilySummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String[]> contacts = new HashMap<>();
        jdbc.query("""
                SELECT family_id, full_name, phone, email FROM guardian WHERE family_id IN (:ids)
                ORDER BY primary_contact DESC, id""", Map.of("ids", ids),
                rs -> {
                    contacts.putIfAbsent(rs.getLong(1),
                            new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                });
        Map<Long, FamilySummary> byId = new HashMap<>();
        jdbc.query("SELECT id, family_number, display_name FROM family WHERE id IN (:ids)", Map.of("ids", ids),
                rs -> {
                    long id = rs.getLong(1);
                    String[] c = contacts.getOrDefault(id, new String[3]);
                    byId.put(id, new FamilySummary(id, rs.getString(2), rs.getString(3), c[0], c[1], c[2]));
                });
        List<FamilySummary> ordered = new ArrayList<>();
        ids.forEach(id -> {
            if (byId.containsKey(id)) {
                ordered.add(byId.get(id));
            }
        });
        return ordered;
    }
}
