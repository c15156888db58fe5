package io.campuscrm.reporting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import com.ibm.icu.text.Collator;

import io.campuscrm.attendance.AttendanceReports;
import io.campuscrm.attendance.ClassAttendance;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Attendance summary of a class" ({@value #ID}): over a period, every student of the class (enrolled at some point
 * of it, or marked in it) with the marks per status and the rate, and the class's total. The office and the class's
 * teachers print it.
 */
@Component
class ClassAttendanceReport implements ReportDefinition {

    static final String ID = "attendance-class";
    static final String CLASS_ID = "classId";

    private final AttendanceReports reports;
    private final AttendanceChoices choices;
    private final ClassHeadings headings;
    private final MessageSource messages;

    ClassAttendanceReport(AttendanceReports reports, AttendanceChoices choices, ClassHeadings headings,
            MessageSource messages) {
        this.reports = reports;
        this.choices = choices;
        this.headings = headings;
        this.messages = messages;
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo(ID, "report.att-class.title", "report.att-class.description", List.of(
                ReportParameter.requiredChoice(CLASS_ID, "report.att-class.class"), ReportPeriods.from(),
                ReportPeriods.to()));
    }

    @Override
    public String template() {
        return AttendanceSummaryRows.TEMPLATE;
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.ADMIN, Role.ADMISSIONS, Role.TEACHER);
    }

    @Override
    public List<ReportChoice> choices(String parameter, String text, Pageable page) {
        return CLASS_ID.equals(parameter) ? choices.classes(text, page) : List.of();
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        return CLASS_ID.equals(parameter) ? choices.schoolClass(value) : Optional.empty();
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        long classId = Long.parseLong(request.parameters().get(CLASS_ID));
        var from = ReportPeriods.date(request, ReportPeriods.FROM);
        var to = ReportPeriods.date(request, ReportPeriods.TO);
        ClassAttendance attendance = reports.classSummary(classId, from, to);
        var heading = headings.of(attendance.schoolClass(), locale);
        parameters.put("TITLE", text("report.att-class.title", locale));
        parameters.put("SUBJECT", heading.title());
        parameters.put("SUBJECT_DETAILS", heading.details());
        parameters.put("PERIOD", ReportPeriods.label(messages, locale, from, to));
        parameters.put("CODE_HEADER", text("report.att-summary.col.number", locale));
        parameters.put("NAME_HEADER", text("report.att-summary.col.student", locale));
        var collator = Collator.getInstance(locale);
        List<Map<String, ?>> rows = new ArrayList<>();
        attendance.students().stream().sorted(Comparator.comparing(ClassAttendance.StudentLine::name,
                collator::compare).thenComparing(ClassAttendance.StudentLine::studentNumber))
                .forEach(s -> rows.add(AttendanceSummaryRows.row(s.studentNumber(), s.name(), s.counts(), s.rate())));
        return new JRMapCollectionDataSource(rows);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
