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
import io.campuscrm.attendance.AttendanceSummary;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.StudentSearch;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Attendance summary of a student" ({@value #ID}): over a period, a line per class with the marks per status and
 * the rate, and the student's total. Only the classes the user may see are in it: a teacher prints their own.
 */
@Component
class StudentAttendanceReport implements ReportDefinition {

    static final String ID = "attendance-student";
    static final String STUDENT_ID = "studentId";

    private final AttendanceReports reports;
    private final AttendanceChoices choices;
    private final StudentSearch students;
    private final ClassSearch classes;
    private final MessageSource messages;

    StudentAttendanceReport(AttendanceReports reports, AttendanceChoices choices, StudentSearch students,
            ClassSearch classes, MessageSource messages) {
        this.reports = reports;
        this.choices = choices;
        this.students = students;
        this.classes = classes;
        this.messages = messages;
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo(ID, "report.att-student.title", "report.att-student.description", List.of(
                ReportParameter.requiredChoice(STUDENT_ID, "report.att-student.student"), ReportPeriods.from(),
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
        return STUDENT_ID.equals(parameter) ? choices.students(text, page) : List.of();
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        return STUDENT_ID.equals(parameter) ? choices.student(value) : Optional.empty();
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        long studentId = Long.parseLong(request.parameters().get(STUDENT_ID));
        var from = ReportPeriods.date(request, ReportPeriods.FROM);
        var to = ReportPeriods.date(request, ReportPeriods.TO);
        AttendanceSummary summary = reports.studentSummary(studentId, from, to);
        var student = students.reference(studentId).orElseThrow(NotFoundException::new);
        parameters.put("TITLE", text("report.att-student.title", locale));
        parameters.put("SUBJECT", student.displayName() + " · " + student.studentNumber());
        parameters.put("PERIOD", ReportPeriods.label(messages, locale, from, to));
        parameters.put("CODE_HEADER", text("report.att-summary.col.class", locale));
        parameters.put("NAME_HEADER", text("report.att-summary.col.name", locale));
        var labels = classes.labels(summary.classes().stream().map(AttendanceSummary.PerClass::classId).toList());
        var collator = Collator.getInstance(locale);
        List<Map<String, ?>> rows = new ArrayList<>();
        summary.classes().stream().sorted(Comparator.comparing(AttendanceSummary.PerClass::label, collator::compare))
                .forEach(c -> {
                    var label = labels.get(c.classId());
                    rows.add(AttendanceSummaryRows.row(label == null ? "" : label.code(),
                            label == null ? c.label() : label.name(), c.counts(), c.rate()));
                });
        return new JRMapCollectionDataSource(rows);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
