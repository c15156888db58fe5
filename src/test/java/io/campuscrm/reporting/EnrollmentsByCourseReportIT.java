package io.campuscrm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassOccupancy;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.SqlRecorder;

/**
 * Enrollments by course and term on the demo data: every class of the term with scheduling's own counts, subtotals
 * per course and a total that add up; a spreadsheet with one header row.
 */
@CampusIntegrationTest
class EnrollmentsByCourseReportIT {

    private static final String REPORT = "enrollments-by-course";

    @Autowired
    ReportService reports;
    @Autowired
    ClassSearch classes;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    TermService terms;
    @Autowired
    InstitutionService institution;

    @Test
    @WithUserDetails("admin")
    void the_pdf_lists_every_class_of_the_term_with_its_counts_and_the_total() throws IOException {
        var term = termWithClasses();
        var inTerm = classesOf(term, null);
        int enrolled = inTerm.stream().mapToInt(c -> enrollments.occupancy(c.id()).enrolled()).sum();
        int places = inTerm.stream().mapToInt(c -> enrollments.occupancy(c.id()).places()).sum();

        String text;
        try (var document = Loader.loadPDF(render(term, null, ReportFormat.PDF, "enrollments-by-course.pdf"))) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }

        assertThat(text).contains("Enrollments by course", term.name() + " · All campuses",
                "Total (" + inTerm.size() + " classes) " + places + " " + enrolled);
        for (ClassSummary c : inTerm) {
            assertThat(text).contains(c.code());
        }
        inTerm.stream().map(ClassSummary::courseName).distinct().forEach(course -> assertThat(text).contains(course
                + " ("));
    }

    @Test
    @WithUserDetails("admin")
    void the_xlsx_has_one_header_row_and_its_counts_add_up_to_schedulings() throws IOException {
        var term = termWithClasses();
        var campus = institution.campuses().getFirst();
        var inTerm = classesOf(term, campus.id());
        Map<String, ClassOccupancy> expected = new HashMap<>();
        inTerm.forEach(c -> expected.put(c.code(), enrollments.occupancy(c.id())));

        var xlsx = render(term, campus.id(), ReportFormat.XLSX, "enrollments-by-course.xlsx");

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            List<List<Cell>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<Cell> cells = new ArrayList<>();
                row.forEach(cells::add);
                rows.add(cells);
            }
            var headers = rows.stream().filter(r -> r.stream().anyMatch(c -> c.toString().equals("Places"))).toList();
            assertThat(headers).as("one header row, not one per page").hasSize(1);
            Map<String, Integer> column = new HashMap<>();
            headers.getFirst().forEach(c -> column.put(c.toString(), c.getColumnIndex()));
            Map<String, int[]> found = new HashMap<>();
            int[] total = null;
            for (Row row : sheet) {
                var code = cell(row, column.get("Class"));
                if (expected.containsKey(code)) {
                    found.put(code, counts(row, column));
                } else if (cell(row, column.get("Course")).startsWith("Total")) {
                    total = counts(row, column);
                }
            }
            assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((code, o) -> assertThat(found.get(code)).as(code)
                    .containsExactly(o.places(), o.enrolled(), o.waiting()));
            assertThat(total).isNotNull().containsExactly(
                    expected.values().stream().mapToInt(ClassOccupancy::places).sum(),
                    expected.values().stream().mapToInt(ClassOccupancy::enrolled).sum(),
                    expected.values().stream().mapToInt(ClassOccupancy::waiting).sum());
        }
    }

    @Test
    @WithUserDetails("admin")
    void the_occupancy_of_all_the_terms_classes_is_read_in_one_batch_not_class_by_class() throws Exception {
        var term = termWithClasses();
        var inTerm = classesOf(term, null);
        assertThat(inTerm).as("enough classes to tell one batch from one round per class").hasSizeGreaterThan(3);

        var statements = SqlRecorder.statementsOf(() -> render(term, null, ReportFormat.XLSX,
                "enrollments-by-course-batch.xlsx"));

        // class by class, each class cost a read of the class, its teachers, its room and two counts
        assertThat(statements).filteredOn(sql -> sql.contains("class_enrollment")).as(String.join("\n", statements))
                .hasSize(1);
        assertThat(statements).filteredOn(sql -> sql.matches("(?s).*\\bfrom room\\b.*")).hasSizeLessThanOrEqualTo(2);
        // 17 for the demo's 14 classes, and as many for 200: a page of classes is one batch
        assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(25);
    }

    @Test
    @WithUserDetails("admin")
    void a_report_without_a_term_is_refused_on_the_term_field() {
        assertThatThrownBy(() -> reports.start(ReportRequest.of(REPORT, ReportFormat.PDF, Locale.ENGLISH)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("termId");
                    assertThat(e.messageKey()).isEqualTo("report.error.parameter-required");
                });
        assertThatThrownBy(() -> reports.start(ReportRequest.of(REPORT, ReportFormat.PDF, Locale.ENGLISH)
                .with("termId", "999999999")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("termId"));
        assertThat(reports.choices(REPORT, "termId", "", PageRequest.of(0, 50))).isNotEmpty();
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_may_not_run_it() {
        assertThat(reports.availableReports()).extracting(ReportInfo::id).doesNotContain(REPORT);
        assertThatThrownBy(() -> reports.choices(REPORT, "termId", "", PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static String cell(Row row, int index) {
        var cell = row.getCell(index);
        return cell == null ? "" : cell.toString();
    }

    private static int[] counts(Row row, Map<String, Integer> column) {
        return new int[] {number(row, column.get("Places")), number(row, column.get("Enrolled")),
                number(row, column.get("Waiting"))};
    }

    private static int number(Row row, int index) {
        var cell = row.getCell(index);
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return (int) cell.getNumericCellValue();
    }

    /** The term with the most classes (the demo's): other tests make terms of one class of their own. */
    private Term termWithClasses() {
        return terms.find(PageRequest.of(0, 50)).stream()
                .max(java.util.Comparator.comparingInt((Term t) -> classesOf(t, null).size())).orElseThrow();
    }

    private List<ClassSummary> classesOf(Term term, Long campusId) {
        return classes.find(new ClassFilter(null, campusId, term.id(), null, null, null), PageRequest.of(0, 500))
                .stream().filter(c -> c.status() != ClassStatus.CANCELLED).toList();
    }

    private byte[] render(Term term, Long campusId, ReportFormat format, String keepAs) {
        var request = ReportRequest.of(REPORT, format, Locale.ENGLISH).with("termId", String.valueOf(term.id()));
        if (campusId != null) {
            request = request.with("campusId", String.valueOf(campusId));
        }
        var out = new ByteArrayOutputStream();
        reports.render(request, out);
        try { // kept for a person to look at: target/reports/
            var file = Path.of("target/reports", keepAs);
            Files.createDirectories(file.getParent());
            Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
