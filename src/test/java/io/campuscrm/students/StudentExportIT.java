package io.campuscrm.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.support.CampusIntegrationTest;

/** Exports contain exactly the students of the list's filter, in its order, in CSV and XLSX. */
@CampusIntegrationTest
class StudentExportIT {

    @Autowired
    StudentExportService export;
    @Autowired
    StudentChanges changes;
    @Autowired
    StudentSearch search;
    @Autowired
    InstitutionService institution;

    @Test
    @WithUserDetails("admin")
    void the_csv_has_a_header_and_one_row_per_student_of_the_filter() throws Exception {
        String m = createThree();
        var filter = new StudentFilter(m, StudentStatus.ACTIVE, null, null);
        var out = new ByteArrayOutputStream();
        int count = export.exportCsv(filter, Sort.by("fullName"), Locale.ENGLISH, out);

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        var records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(count).isEqualTo(2);
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get(0)).isEqualTo("Number");
        assertThat(records.subList(1, 3)).extracting(r -> r.get(1)).containsExactly("Alpha " + m, "Gamma " + m);
        assertThat(records.get(1).get(3)).isEqualTo("甲");
        assertThat(records.get(1).get(5)).isEqualTo("Active");
        assertThat(records.get(1).get(6)).isEqualTo("Orchard");
        assertThat(records.get(1).get(9)).isEqualTo("Guardian " + m);
        assertThat(records.get(1).get(10)).startsWith("+65 98");
    }

    @Test
    @WithUserDetails("admin")
    void the_xlsx_has_the_same_rows_as_the_list() throws Exception {
        String m = createThree();
        var filter = StudentFilter.text(m);
        var out = new ByteArrayOutputStream();
        export.exportXlsx(filter, Sort.by(Sort.Order.desc("fullName")), Locale.ENGLISH, out);

        List<String> listed = search.find(filter, PageRequest.of(0, 10, Sort.by(Sort.Order.desc("fullName"))))
                .map(StudentSummary::studentNumber).getContent();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Full name");
            List<String> exported = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                exported.add(sheet.getRow(i).getCell(0).getStringCellValue());
            }
            assertThat(exported).containsExactlyElementsOf(listed).hasSize(3);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Gamma " + m);
        }
    }

    @Test
    @WithUserDetails("teacher")
    void teachers_do_not_export_student_lists() {
        assertThatThrownBy(() -> export.exportCsv(StudentFilter.all(), Sort.unsorted(), Locale.ENGLISH,
                new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
    }

    /** Alpha (active), Beta (withdrawn), Gamma (active), all with the returned marker in their name. */
    private String createThree() {
        String m = "Exp" + StudentFixtures.name("").strip().substring(1, 7);
        long orchard = StudentFixtures.campus(institution, "Orchard").id();
        changes.create(NewStudent.withNewFamily(new StudentDraft("Alpha " + m, null, "甲", null, null, null, null,
                null, StudentStatus.ACTIVE, orchard, java.util.Set.of()),
                StudentFixtures.guardian("Guardian " + m, StudentFixtures.phone(), null)));
        changes.create(NewStudent.withNewFamily(StudentDraft.named("Beta " + m, orchard)
                .withStatus(StudentStatus.WITHDRAWN)));
        changes.create(NewStudent.withNewFamily(StudentDraft.named("Gamma " + m, orchard)));
        return m;
    }
}
