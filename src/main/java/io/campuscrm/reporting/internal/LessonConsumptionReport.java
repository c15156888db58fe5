package io.campuscrm.reporting.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

import io.campuscrm.attendance.ConsumptionLine;
import io.campuscrm.attendance.PackageReports;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Lesson consumption and remaining value" ({@value #ID}): per course and campus, the lessons consumed in a period
 * and their value, what expiry forfeited, and the lessons and prepaid value (余费) left and the lessons owed at its
 * end, with subtotals per unit and the total value. Money reports are for finance and administrators.
 */
@Component
class LessonConsumptionReport implements ReportDefinition {

    static final String ID = "lesson-consumption";

    private final PackageReports packages;
    private final AttendanceChoices choices;
    private final CourseService courses;
    private final InstitutionService institution;
    private final MessageSource messages;

    LessonConsumptionReport(PackageReports packages, AttendanceChoices choices, CourseService courses,
            InstitutionService institution, MessageSource messages) {
        this.packages = packages;
        this.choices = choices;
        this.courses = courses;
        this.institution = institution;
        this.messages = messages;
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo(ID, "report.consumption.title", "report.consumption.description", List.of(
                ReportPeriods.from(), ReportPeriods.to(), ReportPeriods.campus()));
    }

    @Override
    public String template() {
        return ID;
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.ADMIN, Role.FINANCE);
    }

    @Override
    public List<ReportChoice> choices(String parameter, String text, Pageable page) {
        return ReportPeriods.CAMPUS.equals(parameter) ? choices.campuses(text, page) : List.of();
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        return ReportPeriods.CAMPUS.equals(parameter) ? choices.campus(value) : Optional.empty();
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        var from = ReportPeriods.date(request, ReportPeriods.FROM);
        var to = ReportPeriods.date(request, ReportPeriods.TO);
        Long campusId = ReportPeriods.optionalId(request, ReportPeriods.CAMPUS);
        var lines = packages.consumption(from, to, campusId);
        var currency = institution.settings().currency();
        Map<Long, String> campusNames = institution.campuses().stream()
                .collect(Collectors.toMap(Campus::id, Campus::name));
        Map<Long, Course> courseById = courses.all(lines.stream().map(ConsumptionLine::courseId).distinct().toList());
        parameters.put("PERIOD", ReportPeriods.label(messages, locale, from, to));
        parameters.put("CAMPUS", campusId == null ? text("report.att.all-campuses", locale)
                : campusNames.getOrDefault(campusId, ""));
        parameters.put("MONEY", ReportPeriods.moneyPattern(currency, locale));
        parameters.put("MONEY_SHEET", ReportPeriods.moneySheetPattern(currency, locale));
        parameters.put("RULE", messages.getMessage("report.consumption.rule", new Object[] {
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(to),
                currency.getCurrencyCode()}, locale));
        String noCampus = text("report.consumption.no-campus", locale);
        var collator = Collator.getInstance(locale);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (var line : lines) {
            var course = courseById.get(line.courseId());
            Map<String, Object> row = new HashMap<>();
            row.put("unitKey", line.unit().name());
            row.put("unit", text("report.consumption.unit." + line.unit().name().toLowerCase(Locale.ROOT), locale));
            row.put("course", course == null ? "#" + line.courseId() : course.code() + " · " + course.name());
            row.put("campus", line.campusId() == null ? noCampus : campusNames.getOrDefault(line.campusId(), ""));
            row.put("consumed", line.consumed());
            row.put("consumedValue", line.consumedValue());
            row.put("forfeited", line.forfeited());
            row.put("forfeitedValue", line.forfeitedValue());
            row.put("remaining", line.remaining());
            row.put("remainingValue", line.remainingValue());
            row.put("owed", line.owed());
            rows.add(row);
        }
        // lessons before hours (the group), then by course and campus in the reader's order
        rows.sort(Comparator.comparing((Map<String, ?> r) -> (String) r.get("unitKey")).reversed()
                .thenComparing(r -> (String) r.get("course"), collator::compare)
                .thenComparing(r -> (String) r.get("campus"), collator::compare));
        return new JRMapCollectionDataSource(rows);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
