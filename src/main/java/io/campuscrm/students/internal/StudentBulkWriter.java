package io.campuscrm.students.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.students.BulkFamily;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.StudentDraft;

/**
 * Writes families, guardians, students (with their names' sort keys), tags, search tokens and "created" timeline
 * entries with JDBC batches, a chunk of families at a time. Generated ids are read back by the (unique, indexed)
 * numbers the rows were given. Contacts arrive normalised.
 */
@Component
public class StudentBulkWriter {

    /** Families per chunk: bounded memory and statement size. */
    public static final int CHUNK = 2000;
    static final int ROWS_PER_STATEMENT = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final StudentNumbers numbers;
    private final CurrentUser currentUser;

    StudentBulkWriter(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, StudentNumbers numbers,
            CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.named = named;
        this.numbers = numbers;
        this.currentUser = currentUser;
    }

    /** @return the students' ids in input order */
    public List<Long> write(List<BulkFamily> families) {
        String actor = currentUser.username();
        List<String> familyNumbers = numbers.nextFamilyNumbers(families.size());
        List<Object[]> familyRows = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            var f = families.get(i);
            LocalDateTime at = timestamp(f);
            familyRows.add(new Object[] {familyNumbers.get(i), f.displayName().strip(), f.address().strip(),
                f.preferredLanguage() == null ? null : f.preferredLanguage().tag(), at, actor, at, actor});
        }
        insert("family (family_number, display_name, address, preferred_language, created_at, created_by, updated_at,"
                + " updated_by)", familyRows);
        Map<String, Long> familyIds = ids("SELECT id, family_number FROM family WHERE family_number IN (:numbers)",
                familyNumbers);

        List<Object[]> guardianRows = new ArrayList<>();
        int studentCount = families.stream().mapToInt(f -> f.students().size()).sum();
        List<String> studentNumbers = numbers.nextStudentNumbers(studentCount);
        List<Object[]> studentRows = new ArrayList<>();
        List<StudentDraft> drafts = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < families.size(); i++) {
            var f = families.get(i);
            long familyId = familyIds.get(familyNumbers.get(i));
            LocalDateTime at = timestamp(f);
            for (int g = 0; g < f.guardians().size(); g++) {
                GuardianDraft d = f.guardians().get(g);
                guardianRows.add(new Object[] {familyId, d.fullName(), d.relationship().name(), d.phone(),
                        ContactNormaliser.reversedDigits(d.phone()), d.email(),
                        d.preferredLanguage() == null ? null : d.preferredLanguage().tag(), g == 0, at, actor, at,
                        actor});
            }
            for (StudentDraft d : f.students()) {
                String fullName = d.fullName().strip();
                studentRows.add(new Object[] {studentNumbers.get(s++), familyId, d.campusId(), fullName,
                        blankToNull(d.preferredName()), blankToNull(d.chineseName()), SearchText.nameKey(fullName),
                        SearchText.searchName(fullName, blankToNull(d.preferredName()), blankToNull(d.chineseName())),
                        d.birthDate(), d.phone(), ContactNormaliser.reversedDigits(d.phone()), d.email(),
                        d.school() == null ? "" : d.school(), d.grade() == null ? "" : d.grade(), d.status().name(),
                        at, actor, at, actor, NameSortKeys.english(fullName),
                        NameSortKeys.chinese(fullName, blankToNull(d.chineseName()))});
                drafts.add(d);
            }
        }
        insert("""
                guardian (family_id, full_name, relationship, phone, phone_rev, email, preferred_language,
                          primary_contact, created_at, created_by, updated_at, updated_by)""", guardianRows);
        insert("""
                student (student_number, family_id, campus_id, full_name, preferred_name, chinese_name, name_key,
                         search_name, birth_date, phone, phone_rev, email, school, grade, status, created_at,
                         created_by, updated_at, updated_by, name_sort_en, name_sort_zh)""", studentRows);
        Map<String, Long> studentIds = ids("SELECT id, student_number FROM student WHERE student_number IN (:numbers)",
                studentNumbers);

        List<Long> ordered = new ArrayList<>(drafts.size());
        List<Object[]> tokenRows = new ArrayList<>();
        List<Object[]> tagRows = new ArrayList<>();
        List<Object[]> eventRows = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            long id = studentIds.get(studentNumbers.get(i));
            StudentDraft d = drafts.get(i);
            ordered.add(id);
            String sortKey = SearchText.sortKey(d.fullName());
            SearchText.tokens(d.fullName(), d.preferredName(), d.chineseName())
                    .forEach((token, pos) -> tokenRows.add(new Object[] {token, id, pos, sortKey}));
            StudentEntity.normaliseTags(d.tags()).forEach(tag -> tagRows.add(new Object[] {id, tag}));
            eventRows.add(new Object[] {id, studentRows.get(i)[15], actor, "CREATED", studentNumbers.get(i)});
        }
        // In key order: neighbouring rows land on the same index pages instead of all over the table.
        tokenRows.sort(Comparator.comparing((Object[] row) -> (String) row[0])
                .thenComparing(row -> (Long) row[1]));
        insert("student_search_token (token, student_id, pos, sort_key)", tokenRows);
        insert("student_tag (student_id, tag)", tagRows);
        insert("student_event (student_id, occurred_at, actor, kind, subject)", eventRows);
        return ordered;
    }


    /**
     * Multi-row INSERTs of {@link #ROWS_PER_STATEMENT} rows: one round trip and one statement per few hundred rows,
     * whatever the driver's batch settings (an external database may have other ones).
     */
    private void insert(String tableAndColumns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.getFirst().length;
        String tuple = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(rows.size(), from + ROWS_PER_STATEMENT);
            String sql = "INSERT INTO " + tableAndColumns + " VALUES "
                    + String.join(", ", Collections.nCopies(to - from, tuple));
            Object[] args = new Object[(to - from) * columns];
            for (int r = from; r < to; r++) {
                System.arraycopy(rows.get(r), 0, args, (r - from) * columns, columns);
            }
            jdbc.update(sql, args);
        }
    }

    private Map<String, Long> ids(String sql, List<String> numbers) {
        Map<String, Long> ids = new HashMap<>();
        if (!numbers.isEmpty()) {
            named.query(sql, Map.of("numbers", numbers), rs -> {
                ids.put(rs.getString(2), rs.getLong(1));
            });
        }
        return ids;
    }

    /** Stored as UTC wall-clock time, as Hibernate writes it. */
    private static LocalDateTime timestamp(BulkFamily family) {
        return family.createdAt().atOffset(ZoneOffset.UTC).toLocalDateTime();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
