package io.campuscrm.admissions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.students.ContactNormaliser;

/**
 * Exports the leads of a list filter (what the user sees, in the list's order, all pages of it) to CSV or XLSX,
 * reading a page at a time through {@link LeadService#find} — so the user's campuses bound it as they bound the
 * list — and streaming the file, so memory stays bounded whatever the count. Headers, stages, sources and dates are
 * in the reader's language. Every export is audited.
 */
@Service
@Transactional(readOnly = true)
public class LeadExportService {

    static final int PAGE_SIZE = 1000;
    /** XLSX rows kept in memory while streaming; the rest are flushed to POI's temporary file. */
    static final int XLSX_WINDOW = 200;
    private static final List<String> HEADERS = List.of("lead.export.col.child", "lead.export.col.guardian",
            "lead.export.col.phone", "lead.export.col.email", "lead.export.col.campus", "lead.export.col.stage",
            "lead.export.col.source", "lead.export.col.course", "lead.export.col.owner",
            "lead.export.col.next-action", "lead.export.col.next-action-on", "lead.export.col.created");
    /** The columns that hold dates (written as dates in XLSX). */
    private static final int NEXT_ACTION_ON = 10;
    private static final int CREATED = 11;

    private final LeadService leads;
    private final LeadStore store;
    private final UserService users;
    private final CourseService courses;
    private final InstitutionService institution;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    LeadExportService(LeadService leads, LeadStore store, UserService users, CourseService courses,
            InstitutionService institution, MessageSource messages, ApplicationEventPublisher events) {
        this.leads = leads;
        this.store = store;
        this.users = users;
        this.courses = courses;
        this.institution = institution;
        this.messages = messages;
        this.events = events;
    }

    /** UTF-8 with a byte-order mark, so Excel shows Chinese names correctly; dates as the reader writes them. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public int exportCsv(LeadService.LeadFilter filter, Sort sort, Locale locale, OutputStream out) {
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            var printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
            printer.printRecord(headers(locale));
            int count = each(filter, sort, locale, row -> {
                List<String> texts = new ArrayList<>(row.texts());
                texts.set(NEXT_ACTION_ON, row.nextActionOn() == null ? "" : dates.format(row.nextActionOn()));
                texts.set(CREATED, dates.format(row.created()));
                try {
                    printer.printRecord(texts);
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

    /** Dates are date cells, shown in the spreadsheet's own date format. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public int exportXlsx(LeadService.LeadFilter filter, Sort sort, Locale locale, OutputStream out) {
        try (var workbook = new SXSSFWorkbook(XLSX_WINDOW)) {
            SXSSFSheet sheet = workbook.createSheet(messages.getMessage("lead.export.sheet", null, locale));
            CellStyle bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat((short) BuiltinFormats.getBuiltinFormat("m/d/yy"));
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
                for (int i = 0; i < values.texts().size(); i++) {
                    var cell = row.createCell(i);
                    LocalDate on = i == NEXT_ACTION_ON ? values.nextActionOn() : i == CREATED ? values.created()
                            : null;
                    if (on != null) {
                        cell.setCellValue(on);
                        cell.setCellStyle(date);
                    } else if (i != NEXT_ACTION_ON) {
                        cell.setCellValue(values.texts().get(i));
                    }
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

    /** A lead as a row: its texts, and its two dates apart (a CSV writes them, an XLSX stores them as dates). */
    private record ExportRow(List<String> texts, @Nullable LocalDate nextActionOn, LocalDate created) {
    }

    /**
     * Reads the filter's leads a page at a time (a statement for the page, one for its owners' names, one for its
     * courses) and hands each over as a row.
     */
    private int each(LeadService.LeadFilter filter, Sort sort, Locale locale, Consumer<ExportRow> sink) {
        Map<Long, String> campuses = institution.campuses().stream()
                .collect(Collectors.toMap(Campus::id, Campus::name));
        ZoneId zone = institution.settings().timeZone();
        // every source, the inactive ones too: an old lead may come from one
        Map<Long, LeadStore.Entry> sources = store.entries("lead_source");
        int count = 0;
        var page = PageRequest.of(0, PAGE_SIZE, sort);
        while (true) {
            var slice = leads.find(filter, page);
            var owners = users.displayNames(slice.stream().map(Lead::ownerId).filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            Map<Long, Course> onCourses = courses.all(slice.stream().map(Lead::courseId).filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            for (Lead l : slice) {
                var source = sources.get(l.sourceId());
                var course = l.courseId() == null ? null : onCourses.get(l.courseId());
                List<String> texts = new ArrayList<>(List.of(l.childName(), nn(l.guardianName()),
                        l.phone() == null ? "" : ContactNormaliser.display(l.phone()), nn(l.email()),
                        campuses.getOrDefault(l.campusId(), ""), message(l.stage().messageKey(), locale),
                        source == null ? "" : source.labelKey() != null ? message(source.labelKey(), locale)
                                : nn(source.name()),
                        course == null ? "" : course.name(),
                        l.ownerId() == null ? message("lead.pool", locale) : owners.getOrDefault(l.ownerId(), ""),
                        l.nextAction() == null ? "" : message(l.nextAction().messageKey(), locale), "", ""));
                sink.accept(new ExportRow(texts, l.nextActionOn(), l.createdAt().atZone(zone).toLocalDate()));
                count++;
            }
            if (!slice.hasNext()) {
                return count;
            }
            page = page.next();
        }
    }

    private List<String> headers(Locale locale) {
        return HEADERS.stream().map(k -> message(k, locale)).toList();
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private void audit(String format, int count, LeadService.LeadFilter filter) {
        events.publishEvent(new AuditEvent(AuditAction.EXPORT, "Lead", null,
                AuditSummary.of("lead.export.audited", count, format), String.valueOf(filter)));
    }

    private static String nn(@Nullable String s) {
        return s == null ? "" : s;
    }
}
