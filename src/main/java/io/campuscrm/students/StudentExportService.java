package io.campuscrm.students;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;

/**
 * Exports the students of a list filter (what the user sees, in the list's order) to CSV or XLSX, reading a page
 * at a time and streaming the file, so memory stays bounded whatever the count. Every export is audited.
 */
@Service
@Transactional(readOnly = true)
public class StudentExportService {

    static final int PAGE_SIZE = 1000;
    /** XLSX rows kept in memory while streaming; the rest are flushed to POI's temporary file. */
    static final int XLSX_WINDOW = 200;
    private static final String EXPORT = "hasAnyRole('ADMIN', 'ADMISSIONS', 'FINANCE')";
    private static final List<String> HEADERS = List.of("export.col.number", "export.col.full-name",
            "export.col.preferred-name", "export.col.chinese-name", "export.col.birth-date", "export.col.status",
            "export.col.campus", "export.col.phone", "export.col.email", "export.col.guardian",
            "export.col.guardian-phone", "export.col.tags", "export.col.created");

    private final StudentSearch students;
    private final InstitutionService institution;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    StudentExportService(StudentSearch students, InstitutionService institution, MessageSource messages,
            ApplicationEventPublisher events) {
        this.students = students;
        this.institution = institution;
        this.messages = messages;
        this.events = events;
    }

    /** UTF-8 with a byte-order mark, so Excel shows Chinese names correctly. */
    @PreAuthorize(EXPORT)
    @Transactional
    public int exportCsv(StudentFilter filter, Sort sort, Locale locale, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            var printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
            printer.printRecord(headers(locale));
            int count = each(filter, sort, locale, row -> {
                try {
                    printer.printRecord(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
            audit("CSV", count, filter);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreAuthorize(EXPORT)
    @Transactional
    public int exportXlsx(StudentFilter filter, Sort sort, Locale locale, OutputStream out) {
        try (var workbook = new SXSSFWorkbook(XLSX_WINDOW)) {
            SXSSFSheet sheet = workbook.createSheet(messages.getMessage("export.sheet", null, locale));
            CellStyle bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            List<String> titles = headers(locale);
            for (int i = 0; i < titles.size(); i++) {
                var cell = header.createCell(i);
                cell.setCellValue(titles.get(i));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            int count = each(filter, sort, locale, values -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.size(); i++) {
                    row.createCell(i).setCellValue(values.get(i));
                }
            });
            workbook.write(out);
            out.flush();
            audit("XLSX", count, filter);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the filter's students a page at a time and hands each over as a row of texts. */
    private int each(StudentFilter filter, Sort sort, Locale locale, Consumer<List<String>> sink) {
        Map<Long, String> campuses = institution.campuses().stream()
                .collect(Collectors.toMap(Campus::id, Campus::name));
        ZoneId zone = institution.settings().timeZone();
        var dates = DateTimeFormatter.ISO_LOCAL_DATE;
        Function<StudentStatus, String> status = s -> messages.getMessage(s.messageKey(), null, locale);
        int count = 0;
        var page = PageRequest.of(0, PAGE_SIZE, sort);
        while (true) {
            var slice = students.find(filter, page);
            for (StudentSummary s : slice) {
                sink.accept(List.of(s.studentNumber(), s.fullName(), nn(s.preferredName()), nn(s.chineseName()),
                        s.birthDate() == null ? "" : dates.format(s.birthDate()), status.apply(s.status()),
                        s.campusId() == null ? "" : campuses.getOrDefault(s.campusId(), ""),
                        ContactNormaliser.display(s.phone()), nn(s.email()), nn(s.primaryGuardianName()),
                        ContactNormaliser.display(s.primaryGuardianPhone()), String.join("; ", s.tags()),
                        dates.format(s.createdAt().atZone(zone).toLocalDate())));
                count++;
            }
            if (!slice.hasNext()) {
                return count;
            }
            page = page.next();
        }
    }

    private List<String> headers(Locale locale) {
        return HEADERS.stream().map(k -> messages.getMessage(k, null, locale)).toList();
    }

    private void audit(String format, int count, StudentFilter filter) {
        events.publishEvent(new AuditEvent(AuditAction.EXPORT, "Student", null,
                AuditSummary.of("audit.students.exported", count, format), String.valueOf(filter)));
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
