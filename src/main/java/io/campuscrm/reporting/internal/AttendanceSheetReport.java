package io.campuscrm.reporting.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import com.ibm.icu.text.Collator;

import io.campuscrm.attendance.AttendanceReports;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.MonthSheet;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Attendance sheet" ({@value #ID}): a class's students against the sessions of a month, blank for paper or filled
 * with the marks taken, each status as a short code the key explains. The office and the class's teachers print it;
 * the attendance module narrows to the classes the user may see.
 */
@Component
class AttendanceSheetReport implements ReportDefinition {

    static final String ID = "attendance-sheet";
    static final String CLASS_ID = "classId";
    static final String MONTH = "month";
    static final String KIND = "kind";
    static final String BLANK = "blank";
    static final String FILLED = "filled";
    private static final List<String> KINDS = List.of(BLANK, FILLED);

    private final AttendanceReports reports;
    private final AttendanceChoices choices;
    private final ClassHeadings headings;
    private final MessageSource messages;

    AttendanceSheetReport(AttendanceReports reports, AttendanceChoices choices, ClassHeadings headings,
            MessageSource messages) {
        this.reports = reports;
        this.choices = choices;
        this.headings = headings;
        this.messages = messages;
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo(ID, "report.att-sheet.title", "report.att-sheet.description", List.of(
                ReportParameter.requiredChoice(CLASS_ID, "report.att-sheet.class"),
                ReportParameter.requiredDate(MONTH, "report.att-sheet.month"),
                ReportParameter.requiredChoice(KIND, "report.att-sheet.kind")));
    }

    @Override
    public String template() {
        return ID;
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.ADMIN, Role.ADMISSIONS, Role.TEACHER);
    }

    @Override
    public List<ReportChoice> choices(String parameter, String text, Pageable page) {
        if (KIND.equals(parameter)) {
            return page.getOffset() > 0 ? List.of() : KINDS.stream().map(k -> kind(k, LocaleContextHolder.getLocale()))
                    .toList();
        }
        return CLASS_ID.equals(parameter) ? choices.classes(text, page) : List.of();
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        if (KIND.equals(parameter)) {
            return KINDS.contains(value) ? Optional.of(kind(value, LocaleContextHolder.getLocale())) : Optional.empty();
        }
        return CLASS_ID.equals(parameter) ? choices.schoolClass(value) : Optional.empty();
    }

    private ReportChoice kind(String kind, Locale locale) {
        return new ReportChoice(kind, text("report.att-sheet.kind." + kind, locale));
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        long classId = Long.parseLong(request.parameters().get(CLASS_ID));
        var month = YearMonth.from(LocalDate.parse(request.parameters().get(MONTH)));
        boolean filled = FILLED.equals(request.parameters().get(KIND));
        MonthSheet sheet = reports.monthSheet(classId, month);
        var heading = headings.of(sheet.schoolClass(), locale);
        parameters.put("CLASS_TITLE", heading.title());
        parameters.put("CLASS_DETAILS", heading.details());
        parameters.put("MONTH", DateTimeFormatter.ofLocalizedPattern("yMMMM").withLocale(locale).format(month));
        parameters.put("KIND", text("report.att-sheet.kind." + (filled ? FILLED : BLANK), locale));
        parameters.put("FILLED", filled);
        parameters.put("LEGEND", text("report.att-sheet.legend", locale) + " " + Arrays.stream(AttendanceStatus
                .values()).map(s -> messages.getMessage("report.att-sheet.legend-item", new Object[] {code(s, locale),
                        text(s.messageKey(), locale)}, locale)).collect(Collectors.joining(" · ")));
        String counts = messages.getMessage("report.att-sheet.counts", new Object[] {sheet.students().size(),
                sheet.sessions().size()}, locale);
        parameters.put("COUNTS", sheet.cancelledSessions() == 0 ? counts : counts + " · " + messages.getMessage(
                "report.att-sheet.cancelled", new Object[] {sheet.cancelledSessions()}, locale));
        parameters.put("STUDENT_HEADER", text("report.att-sheet.student", locale));
        parameters.put("NUMBER_HEADER", text("report.att-sheet.number", locale));
        parameters.put("ATTENDED_HEADER", text("report.att-sheet.attended", locale));

        Map<String, MonthSheet.Cell> marks = new HashMap<>();
        if (filled) {
            sheet.marks().forEach(m -> marks.put(m.studentId() + ":" + m.sessionId(), m));
        }
        var collator = Collator.getInstance(locale);
        var students = sheet.students().stream().sorted(Comparator.comparing(MonthSheet.Student::name,
                collator::compare).thenComparing(MonthSheet.Student::studentNumber)).toList();
        List<Map<String, ?>> rows = new ArrayList<>();
        int number = 0;
        for (var student : students) {
            // the crosstab sorts its rows by this key: the position first keeps the collator's order
            String key = String.format(Locale.ROOT, "%05d|%s|%s", ++number, student.studentNumber(),
                    student.name().replace('|', '/'));
            for (var session : sheet.sessions()) {
                var mark = marks.get(student.studentId() + ":" + session.sessionId());
                Map<String, Object> row = new HashMap<>();
                row.put("student", key);
                row.put("session", session.startsLocal() + "|" + session.sessionId() + "|"
                        + session.startsLocal().getDayOfMonth() + "|"
                        + session.startsLocal().getDayOfWeek().getDisplayName(TextStyle.SHORT, locale));
                row.put("code", mark == null ? null : code(mark.status(), locale));
                row.put("attended", mark != null && attended(mark.status()) ? 1 : 0);
                row.put("marked", mark == null ? 0 : 1);
                rows.add(row);
            }
        }
        return new JRMapCollectionDataSource(rows);
    }

    /** Present, late and left early attended: the rate's rule ({@code AttendanceSummary.rate}). */
    private static boolean attended(AttendanceStatus status) {
        return status == AttendanceStatus.PRESENT || status == AttendanceStatus.LATE
                || status == AttendanceStatus.LEFT_EARLY;
    }

    private String code(AttendanceStatus status, Locale locale) {
        return text("report.att-sheet.code." + status.name().toLowerCase(Locale.ROOT).replace('_', '-'), locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
