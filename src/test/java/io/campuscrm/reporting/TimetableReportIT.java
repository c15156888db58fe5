package io.campuscrm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.reporting.internal.SampleTimetableReports;
import io.campuscrm.reporting.internal.TimetableReport;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The printable week timetable, filled from sample data the way the scheduling module's sessions will fill it: a
 * busy week of forty sessions on one landscape page, grouped by day, cancelled ones marked, Chinese printed.
 */
@CampusIntegrationTest
class TimetableReportIT {

    @Autowired
    ReportService reports;

    @Test
    @WithUserDetails("admin")
    void a_busy_week_prints_on_one_page_grouped_by_day_with_cancellations_marked() throws IOException {
        var pdf = render(ReportRequest.of(SampleTimetableReports.ID, ReportFormat.PDF, Locale.UK)
                .with(TimetableReport.WEEK, "2026-11-18").with("subject", "Orchard campus"), "timetable-week.pdf");

        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Harbourside Learning Centre", "Timetable · Orchard campus",
                    "Week 47 · 16 Nov 2026 – 22 Nov 2026", "Monday, 16 November 2026", "Sunday, 22 November 2026",
                    "15:30 – 17:00", "P5 Mathematics · P5-A", "Room 101 · 陈伟明", "中文 Sec 2 · S2-C", "張老師",
                    "Cancelled", "Sessions: 40, of which cancelled: 2");
            assertThat(text.indexOf("Monday, 16 November")).isLessThan(text.indexOf("Tuesday, 17 November"));
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
        }
    }

    @Test
    @WithUserDetails("admin")
    void an_empty_week_says_nothing_is_scheduled() throws IOException {
        var pdf = render(ReportRequest.of(SampleTimetableReports.ID, ReportFormat.PDF, Locale.UK)
                .with(TimetableReport.WEEK, "1999-01-06"), "timetable-week-empty.pdf");

        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Week 1 · 4 Jan 1999 – 10 Jan 1999")
                    .doesNotContain("Monday");
        }
    }

    @Test
    @WithUserDetails("admin")
    void the_spreadsheet_has_one_row_per_session_under_its_day() throws IOException {
        var xlsx = render(ReportRequest.of(SampleTimetableReports.ID, ReportFormat.XLSX, Locale.UK)
                .with(TimetableReport.WEEK, "2026-11-18"), "timetable-week.xlsx");

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("Timetable");
            List<String> firstCells = new ArrayList<>();
            List<String> cells = new ArrayList<>();
            for (Row row : sheet) {
                boolean first = true;
                for (Cell cell : row) {
                    cells.add(cell.toString());
                    if (first && !cell.toString().isBlank()) {
                        firstCells.add(cell.toString());
                        first = false;
                    }
                }
            }
            assertThat(cells).contains("Monday, 16 November 2026", "P5 Mathematics · P5-A", "Room 101 · 陈伟明",
                    "Cancelled");
            assertThat(cells).filteredOn("Time"::equals).as("one header row").hasSize(1);
            assertThat(firstCells).filteredOn(c -> c.matches("\\d\\d:\\d\\d – \\d\\d:\\d\\d")).hasSize(40);
        }
    }

    private byte[] render(ReportRequest request, String keepAs) throws IOException {
        var out = new ByteArrayOutputStream();
        reports.render(request, out);
        Path file = Path.of("target/reports", keepAs); // for a person to look at
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
        return out.toByteArray();
    }
}
