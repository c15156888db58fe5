package io.campuscrm.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import com.ibm.icu.text.Collator;

import io.campuscrm.attendance.PackageReports;
import io.campuscrm.attendance.RenewalRates;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Renewal rate" ({@value #ID}): students whose package ran out in the period and how many renewed within the
 * window, per course with the total, then per teacher. For finance and administrators, over their campuses.
 */
@Component
class RenewalRateReport implements ReportDefinition {

    static final String ID = "renewal-rate";

    private final PackageReports packages;
    private final AttendanceChoices choices;
    private final CourseService courses;
    private final UserService users;
    private final InstitutionService institution;
    private final MessageSource messages;

    RenewalRateReport(PackageReports packages, AttendanceChoices choices, CourseService courses, UserService users,
            InstitutionService institution, MessageSource messages) {
        this.packages = packages;
        this.choices = choices;
        this.courses = courses;
        this.users = users;
        this.institution = institution;
        this.messages = messages;
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo(ID, "report.renewal.title", "report.renewal.description", List.of(ReportPeriods.from(),
                ReportPeriods.to(), ReportPeriods.campus()));
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
        RenewalRates rates = packages.renewals(from, to, campusId);
        parameters.put("PERIOD", ReportPeriods.label(messages, locale, from, to));
        parameters.put("CAMPUS", campusId == null ? text("report.att.all-campuses", locale)
                : institution.campuses().stream().filter(c -> c.id() == campusId).map(Campus::name).findFirst()
                        .orElse(""));
        parameters.put("WINDOW", messages.getMessage("report.renewal.window", new Object[] {rates.windowDays()},
                locale));
        var courseNames = courses.all(rates.byCourse().stream().map(RenewalRates.Line::id).toList()).entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().code() + " · "
                        + e.getValue().name()));
        var teacherNames = users.displayNames(rates.byTeacher().stream().map(RenewalRates.Line::id)
                .filter(java.util.Objects::nonNull).toList());
        var collator = Collator.getInstance(locale);
        List<Map<String, ?>> rows = new ArrayList<>();
        section(rows, "1", text("report.renewal.section.course", locale), text("report.renewal.col.course", locale),
                rates.byCourse(), id -> courseNames.getOrDefault(id, "#" + id), collator);
        if (!rows.isEmpty()) {
            rows.add(row("1", text("report.renewal.section.course", locale), text("report.renewal.col.course", locale),
                    text("report.renewal.total", locale), rates.total(), true));
        }
        section(rows, "2", text("report.renewal.section.teacher", locale), text("report.renewal.col.teacher",
                locale), rates.byTeacher(), id -> id == null ? text("report.renewal.no-teacher", locale)
                        : teacherNames.getOrDefault(id, "#" + id), collator);
        return new JRMapCollectionDataSource(rows);
    }

    /** A section's lines by name; the line of run-outs without a known teacher last. */
    private static void section(List<Map<String, ?>> rows, String key, String title, String header,
            List<RenewalRates.Line> lines, Function<Long, String> name, Collator collator) {
        lines.stream().sorted(Comparator.comparing((RenewalRates.Line l) -> l.id() == null)
                .thenComparing(l -> name.apply(l.id()), collator::compare))
                .forEach(l -> rows.add(row(key, title, header, name.apply(l.id()), l, false)));
    }

    private static Map<String, ?> row(String section, String title, String header, String name,
            RenewalRates.Line line, boolean total) {
        Map<String, Object> row = new HashMap<>();
        row.put("section", section);
        row.put("sectionTitle", title);
        row.put("nameHeader", header);
        row.put("name", name);
        row.put("ranOut", line.ranOut());
        row.put("renewed", line.renewed());
        row.put("windowOpen", line.windowOpen());
        row.put("notRenewed", line.ranOut() - line.renewed() - line.windowOpen());
        var rate = line.rate();
        row.put("rate", rate == null ? null : rate.divide(BigDecimal.valueOf(100), 3, RoundingMode.UNNECESSARY));
        row.put("total", total);
        return row;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
