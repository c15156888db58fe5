package io.campuscrm.reporting.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import com.ibm.icu.text.Collator;

import io.campuscrm.attendance.TeachingHoursReports;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportFormat;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRParameter;

/**
 * "Teaching hours" ({@value #ID}) for payroll: per teacher, every session of the period with its hours, cancelled
 * ones shown and not counted, those whose attendance was not taken, taken late or in part flagged; per-teacher and
 * overall totals. Finance and administrators print every teacher of their campuses or one; a teacher their own.
 * Filled teacher by teacher ({@link TeachingHoursRows}); the spreadsheet too is filled page by page, so that the
 * virtualizer can swap a year's pages to disk.
 */
@Component
class TeachingHoursReport implements ReportDefinition {

    static final String ID = "teaching-hours";
    static final String TEACHER = "teacherId";

    private final TeachingHoursReports hours;
    private final AttendanceChoices choices;
    private final UserService users;
    private final InstitutionService institution;
    private final MessageSource messages;

    TeachingHoursReport(TeachingHoursReports hours, AttendanceChoices choices, UserService users,
            InstitutionService institution, MessageSource messages) {
        this.hours = hours;
        this.choices = choices;
        this.users = users;
        this.institution = institution;
        this.messages = messages;
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo(ID, "report.hours.title", "report.hours.description", List.of(ReportPeriods.from(),
                ReportPeriods.to(), ReportParameter.optionalChoice(TEACHER, "report.hours.teacher"),
                ReportPeriods.campus()));
    }

    @Override
    public String template() {
        return ID;
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.ADMIN, Role.FINANCE, Role.TEACHER);
    }

    @Override
    public List<ReportChoice> choices(String parameter, String text, Pageable page) {
        return switch (parameter) {
            case TEACHER -> choices.teachers(text, page);
            case ReportPeriods.CAMPUS -> choices.campuses(text, page);
            default -> List.of();
        };
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        return switch (parameter) {
            case TEACHER -> choices.teacher(value);
            case ReportPeriods.CAMPUS -> choices.campus(value);
            default -> Optional.empty();
        };
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        var from = ReportPeriods.date(request, ReportPeriods.FROM);
        var to = ReportPeriods.date(request, ReportPeriods.TO);
        Long teacher = ReportPeriods.optionalId(request, TEACHER);
        Long campus = ReportPeriods.optionalId(request, ReportPeriods.CAMPUS);
        var ids = teacher != null ? List.of(teacher) : hours.teachers(from, to, campus);
        var names = users.displayNames(ids);
        var collator = Collator.getInstance(locale);
        var ordered = ids.stream().sorted(Comparator.comparing((Long id) -> names.getOrDefault(id, ""),
                collator::compare).thenComparing(id -> id)).toList();
        var campusNames = institution.campuses().stream().collect(Collectors.toMap(Campus::id, Campus::name));
        parameters.put("PERIOD", ReportPeriods.label(messages, locale, from, to));
        parameters.put("SUBJECT", (teacher != null ? names.getOrDefault(teacher, "") : text("report.hours.all-teachers",
                locale)) + " · " + (campus != null ? campusNames.getOrDefault(campus, "")
                        : text("report.att.all-campuses", locale)));
        if (request.format() == ReportFormat.XLSX) {
            // one unpaginated page could not be swapped to disk: pages, with the repeated bands left out of the sheet
            parameters.put(JRParameter.IS_IGNORE_PAGINATION, Boolean.FALSE);
            parameters.put("SPREADSHEET", Boolean.TRUE);
        }
        return new TeachingHoursRows(ordered, id -> hours.hours(id, from, to, campus), campusNames, messages, locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
