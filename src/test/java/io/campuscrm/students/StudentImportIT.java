package io.campuscrm.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.imports.ImportPreview;
import io.campuscrm.shared.imports.ImportProblem;
import io.campuscrm.students.internal.SearchText;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.Explain;
import io.campuscrm.support.SqlRecorder;

/** CSV import: a preview with per-row problems, nothing imported until the set is clean, then all at once. */
@CampusIntegrationTest
class StudentImportIT {

    private static final String HEADER = "full_name,chinese_name,birth_date,campus,phone,email,tags,family_key,"
            + "family_number,guardian1_name,guardian1_relationship,guardian1_phone,guardian1_email,note\n";

    @Autowired
    StudentImportService imports;
    @Autowired
    StudentChanges changes;
    @Autowired
    StudentFiles files;
    @Autowired
    StudentSearch search;

    @Test
    @WithUserDetails("admin")
    void bad_rows_are_reported_one_by_one_and_nothing_is_imported() {
        String m = marker();
        String existingPhone = StudentFixtures.phone();
        String existingName = StudentFixtures.name("Existing");
        long orchard = StudentFixtures.campus(institution, "Orchard").id();
        var existing = changes.create(NewStudent.withNewFamily(StudentFixtures.student(existingName, orchard),
                StudentFixtures.guardian(StudentFixtures.name("Parent"), existingPhone, null)));
        String csv = HEADER
                + "Good " + m + ",,2015-01-02,Orchard,,,,,,,,,,\n"
                + "," + m + ",2015-01-02,Orchard,,,,,,,,,,\n"
                + "Bad Date " + m + ",,2015-13-45,Orchard,,,,,,,,,,\n"
                + "Bad Phone " + m + ",,2015-01-02,Orchard,12345,not-mail,,,,,,,,\n"
                + "Nowhere " + m + ",,2015-01-02,Atlantis,,,,,,,,,,\n"
                + "Good " + m + ",,2015-01-02,Orchard,,,,,,,,,,\n"
                + existingName + ",,2015-03-14,Orchard,,,,,,,,,,\n"
                + "Sibling " + m + ",,2016-01-02,Orchard,,,,,,Parent,mother," + existingPhone + ",,\n"
                + "Unknown Family " + m + ",,2016-01-02,Orchard,,,,,F999999,,,,,\n";

        var preview = imports.preview(stream(csv));

        assertThat(preview.clean()).isFalse();
        assertThat(preview.rows()).hasSize(9);
        assertThat(problemsByLine(preview)).containsExactly(
                "2:",
                "3:full_name=import.error.name-required",
                "4:birth_date=import.error.date",
                "5:phone=import.error.phone,email=import.error.email",
                "6:campus=import.error.campus-unknown",
                "7:full_name=import.error.duplicate-in-file",
                "8:full_name=import.error.existing-student",
                "9:guardian1_phone=import.error.existing-guardian",
                "10:family_number=import.error.family-unknown");
        assertThatThrownBy(() -> imports.importStudents(preview, null)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.error.not-clean"));
        assertThat(search.find(StudentFilter.text(m), PageRequest.of(0, 20))).isEmpty();
        assertThat(existing.familyId()).isPositive();
    }

    @Test
    @WithUserDetails("admin")
    void a_clean_file_imports_students_with_families_siblings_guardians_tags_and_notes() {
        String m = marker();
        String phone = StudentFixtures.phone();
        String csv = HEADER
                + "Tan Wei Ming " + m + ",陈伟明,2015-03-14,Orchard,,,robotics;math,,,Tan Ah Kow " + m + ",father,"
                + phone + ",,Likes Lego\n"
                + "Tan Jia Hui " + m + ",陈佳慧,14/07/2017,orchard,,,,,,Tan Ah Kow " + m + ",father," + phone
                + ",,\n"
                + "Emily Clarke " + m + ",,2012-11-30,Tampines,,Emily." + m + "@Example.com,,,,Sarah Clarke,mother,,"
                + "sarah." + m + "@example.com,\n";

        var preview = imports.preview(stream(csv));
        assertThat(preview.clean()).as(problemsByLine(preview).toString()).isTrue();
        List<Integer> progress = new ArrayList<>();
        var result = imports.importStudents(preview, progress::add);

        assertThat(result).isEqualTo(new ImportResult(3, 2, 2));
        assertThat(progress).containsExactly(1, 2, 3);
        var imported = search.find(StudentFilter.text(m), PageRequest.of(0, 20)).getContent();
        assertThat(imported).hasSize(3);
        var weiMing = imported.stream().filter(s -> s.fullName().startsWith("Tan Wei Ming")).findFirst()
                .orElseThrow();
        var file = files.file(weiMing.id());
        assertThat(file.student().chineseName()).isEqualTo("陈伟明");
        assertThat(file.student().tags()).containsExactlyInAnyOrder("robotics", "math");
        assertThat(file.siblings()).extracting(StudentRef::displayName).containsExactly("Tan Jia Hui " + m);
        assertThat(file.family().guardians()).singleElement()
                .satisfies(g -> assertThat(g.phone()).isEqualTo("+65" + phone.replace(" ", "")));
        assertThat(file.noteCount()).isEqualTo(1);
        var emily = imported.stream().filter(s -> s.fullName().startsWith("Emily")).findFirst().orElseThrow();
        assertThat(emily.email()).isEqualTo("emily." + m.toLowerCase() + "@example.com");
    }

    @Test
    @WithUserDetails("admin")
    void a_row_with_an_existing_family_number_joins_that_family_and_reuses_its_guardian() {
        String m = marker();
        String phone = StudentFixtures.phone();
        long orchard = StudentFixtures.campus(institution, "Orchard").id();
        var eldest = changes.create(NewStudent.withNewFamily(StudentFixtures.student("Eldest " + m, orchard),
                StudentFixtures.guardian("Mum " + m, phone, null)));
        String familyNumber = files.file(eldest.id()).family().familyNumber();
        String csv = HEADER + "Youngest " + m + ",,2019-01-01,Orchard,,,,,"
                + familyNumber.toLowerCase() + ",Mum " + m + ",mother," + phone + ",,\n";

        var preview = imports.preview(stream(csv));
        assertThat(preview.clean()).as(problemsByLine(preview).toString()).isTrue();
        assertThat(imports.importStudents(preview, null)).isEqualTo(new ImportResult(1, 0, 0));
        assertThat(files.file(eldest.id()).siblings()).extracting(StudentRef::displayName)
                .containsExactly("Youngest " + m);
    }

    @Test
    @WithUserDetails("admin")
    void unknown_columns_and_a_missing_name_column_make_the_whole_file_unusable() {
        var preview = imports.preview(stream("name,birthday\nTan,2015-01-01\n"));
        assertThat(preview.clean()).isFalse();
        assertThat(preview.fileProblems()).extracting(ImportProblem::messageKey)
                .containsExactly("import.error.missing-column", "import.error.unknown-column",
                        "import.error.unknown-column");
    }

    @Test
    @WithUserDetails("admissions")
    void admissions_cannot_import_into_a_campus_they_do_not_work_at() {
        String m = marker();
        var preview = imports.preview(stream(HEADER + "Far Away " + m + ",,2015-01-02,Tampines,,,,,,,,,,\n"));
        assertThat(problemsByLine(preview)).containsExactly("2:campus=import.error.campus-not-yours");
    }

    @Test
    @WithUserDetails("admin")
    void the_example_file_is_clean_when_its_people_are_new() {
        var preview = imports.preview(stream(imports.exampleCsv()));
        assertThat(preview.fileProblems()).isEmpty();
        assertThat(preview.rows()).hasSize(4);
    }

    /**
     * 1,100 rows: the database is asked 500 rows at a time (ImportChecker.BATCH), the rows are compared with each
     * other across the whole file. Each kind of problem is placed so that its two rows lie in different batches or
     * on the boundary between them; every other row is a new student, and stays clean.
     */
    @Test
    @WithUserDetails("admin")
    void duplicates_are_found_within_the_file_across_batches_and_in_the_database_with_a_few_statements()
            throws Exception {
        String m = marker();
        long orchard = StudentFixtures.campus(institution, "Orchard").id();
        String parentName = StudentFixtures.name("Parent");
        String parentPhone = StudentFixtures.phone();
        String email = "jose." + StudentFixtures.unique() + "@example.com";
        String existingName = StudentFixtures.name("Known");
        var existing = changes.create(NewStudent.withNewFamily(StudentFixtures.student(existingName, orchard)
                .withContacts(null, email), StudentFixtures.guardian(parentName, parentPhone, null)));
        var family = files.file(existing.id()).family();
        String sharedPhone = StudentFixtures.phone();
        String guardianEmail = "shared." + StudentFixtures.unique() + "@example.com";

        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            rows.add(csvRow("Row " + m + " " + letters(i), "2016-02-03", "", "", "", "", "", "", ""));
        }
        rows.set(3, csvRow("Phone First " + m, "", sharedPhone, "", "", "", "", "", ""));
        rows.set(503, csvRow("Phone Again " + m, "", sharedPhone, "", "", "", "", "", ""));
        rows.set(499, csvRow("Twin " + m, "2016-05-05", "", "", "", "", "", "", ""));
        rows.set(500, csvRow("Twin " + m, "2016-05-05", "", "", "", "", "", "", ""));
        rows.set(10, csvRow("Key A " + m, "", "", "", "A" + m, "", "Guardian A " + m, "", guardianEmail));
        rows.set(800, csvRow("Key B " + m, "", "", "", "B" + m, "", "Guardian B " + m, "", guardianEmail));
        rows.set(600, csvRow("Parent Known " + m, "", "", "", "", "", parentName, parentPhone, ""));
        rows.set(601, csvRow("Sibling " + m, "", "", "", "", family.familyNumber().toLowerCase(Locale.ROOT),
                parentName, parentPhone, ""));
        rows.set(602, csvRow("Nowhere " + m, "", "", "", "", "F999999", "", "", ""));
        rows.set(1050, csvRow(existingName, "2015-03-14", "", "", "", "", "", "", ""));
        rows.set(1051, csvRow("Accents " + m, "", "", "José." + email.substring(5).toUpperCase(Locale.ROOT), "", "",
                "", "", ""));

        var recorded = SqlRecorder.record(() -> imports.preview(stream(HEADER + String.join("", rows))));
        var preview = recorded.result();

        assertThat(preview.rows()).hasSize(1_100);
        assertThat(problemsByLine(preview).stream().filter(p -> !p.endsWith(":")).toList()).containsExactly(
                "502:full_name=import.error.duplicate-in-file",
                "505:phone=import.error.duplicate-in-file",
                "602:guardian1_phone=import.error.existing-guardian",
                "604:family_number=import.error.family-unknown",
                "802:guardian1_email=import.error.guardian-in-two-families",
                "1052:full_name=import.error.existing-student",
                "1053:email=import.error.existing-student");
        assertThat(preview.rows().get(500).problems().getFirst().args()).containsExactly("501");
        assertThat(preview.rows().get(600).problems().getFirst().args()).containsExactly(parentName,
                family.displayName(), family.familyNumber());
        assertThat(preview.rows().get(1050).problems().getFirst().args()).containsExactly(existingName,
                existing.studentNumber());
        // 19 now (a handful per batch of 500); a row at a time it was five to eight per row: thousands
        assertThat(recorded.statements()).as("statements of the preview").hasSizeLessThan(40);
    }

    @Test
    @WithUserDetails("admin")
    void a_batchs_names_with_birth_dates_are_looked_up_as_points_of_the_name_key_index() throws Exception {
        String m = marker();
        String first = "Point One " + m;
        String second = "Point Two " + m;
        var statements = SqlRecorder.statementsOf(() -> imports.preview(stream(HEADER
                + csvRow(first, "2016-02-03", "", "", "", "", "", "", "")
                + csvRow(second, "2017-04-05", "", "", "", "", "", "", ""))));

        var byName = statements.stream().filter(sql -> sql.contains("name_key")).toList();
        assertThat(byName).as(String.join("\n", statements)).singleElement();
        // the OR of (name_key, birth_date) pairs, bound in the rows' order
        var plan = Explain.of(jdbc, byName.getFirst(), SearchText.nameKey(first), Date.valueOf("2016-02-03"),
                SearchText.nameKey(second), Date.valueOf("2017-04-05"));
        assertThat(plan).singleElement().satisfies(step -> {
            assertThat(step.key()).isEqualTo("ix_student_name_key");
            assertThat(step.type()).isEqualTo("range");
        });
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.campuscrm.institution.InstitutionService institution;

    /** A row of {@link #HEADER} in the campus Orchard. */
    private static String csvRow(String name, String birthDate, String phone, String email, String familyKey,
            String familyNumber, String guardianName, String guardianPhone, String guardianEmail) {
        return String.join(",", name, "", birthDate, "Orchard", phone, email, "", familyKey, familyNumber,
                guardianName, guardianName.isEmpty() ? "" : "mother", guardianPhone, guardianEmail, "") + "\n";
    }

    /** The number in letters: names lose their digits when compared, so rows differ by letters. */
    private static String letters(int n) {
        var s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return "Q" + s;
    }

    private static String marker() {
        return "Imp" + StudentFixtures.name("").strip().substring(1, 7);
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problemsByLine(ImportPreview preview) {
        return preview.rows().stream().map(r -> r.line() + ":" + String.join(",", r.problems().stream()
                .map(p -> p.column() + "=" + p.messageKey()).toList())).toList();
    }
}
