package io.campuscrm.reporting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.FunnelDimension;
import io.campuscrm.admissions.LeadFunnel;
import io.campuscrm.admissions.LeadReportService;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Lead funnel" ({@value #ID}): the leads entered in the period and how many reached each stage, with the rates from
 * step to step, per source, campaign, owner or campus (parameter {@value #BY}, source when not given) and in all,
 * under a chart of the whole funnel. For admissions (their campuses) and administrators.
 */
@Component
class LeadFunnelReport implements ReportDefinition {

    static final String ID = "lead-funnel";
    static final String BY = "by";

    private final LeadReportService leads;
    private final AdmissionsReportTexts texts;

    LeadFunnelReport(LeadReportService leads, AdmissionsReportTexts texts) {
        this.leads = leads;
        this.texts = texts;
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo(ID, "report.admissions.funnel.title", "report.admissions.funnel.description",
                List.of(ReportPeriods.from(), ReportPeriods.to(), ReportPeriods.campus(),
                        ReportParameter.optionalChoice(BY, "report.admissions.by")));
    }

    @Override
    public String template() {
        return ID;
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.ADMIN, Role.ADMISSIONS);
    }

    @Override
    public List<ReportChoice> choices(String parameter, String text, Pageable page) {
        if (BY.equals(parameter)) {
            return page.getOffset() > 0 ? List.of() : Arrays.stream(FunnelDimension.values())
                    .map(d -> dimension(d, LocaleContextHolder.getLocale())).toList();
        }
        return texts.campuses(parameter, text, page);
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        if (BY.equals(parameter)) {
            return Arrays.stream(FunnelDimension.values()).filter(d -> value(d).equals(value)).findFirst()
                    .map(d -> dimension(d, LocaleContextHolder.getLocale()));
        }
        return texts.campus(parameter, value);
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        Long campusId = ReportPeriods.optionalId(request, ReportPeriods.CAMPUS);
        String by = request.parameters().get(BY);
        var dimension = Arrays.stream(FunnelDimension.values()).filter(d -> value(d).equals(by)).findFirst()
                .orElse(FunnelDimension.SOURCE);
        var funnel = leads.funnel(ReportPeriods.date(request, ReportPeriods.FROM),
                ReportPeriods.date(request, ReportPeriods.TO), campusId, dimension);
        texts.heading(request, parameters, campusId);
        parameters.put("BY", texts.text("report.admissions.funnel.by", locale, texts.text(dimension.messageKey(),
                locale)));
        parameters.put("NAME_HEADER", texts.text("report.admissions.funnel.col." + value(dimension), locale));
        var total = funnel.total();
        parameters.put("CHART", new FunnelChart(total.steps(), total.lost()));
        long[] steps = total.steps();
        for (int i = 0; i < steps.length; i++) {
            parameters.put("STEP" + i, steps[i]);
        }
        parameters.put("LOST", total.lost());
        parameters.put("RATE1", total.contactedRate());
        parameters.put("RATE2", total.trialBookedRate());
        parameters.put("RATE3", total.trialAttendedRate());
        parameters.put("RATE4", total.enrolledRate());
        parameters.put("OVERALL", total.overallRate());
        parameters.put("LOST_SHARE", LeadFunnel.rate(total.lost(), total.leads()));
        List<Map<String, ?>> rows = new ArrayList<>();
        for (var line : funnel.lines()) {
            rows.add(row(texts.label(line.label(), locale), line, false));
        }
        if (!rows.isEmpty()) {
            rows.add(row(texts.text("report.admissions.total", locale), total, true));
        }
        return new JRMapCollectionDataSource(rows);
    }

    private static Map<String, ?> row(String name, LeadFunnel.Line line, boolean total) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", name);
        row.put("leads", line.leads());
        row.put("contacted", line.contacted());
        row.put("trialBooked", line.trialBooked());
        row.put("trialAttended", line.trialAttended());
        row.put("enrolled", line.enrolled());
        row.put("lost", line.lost());
        row.put("contactedRate", line.contactedRate());
        row.put("trialBookedRate", line.trialBookedRate());
        row.put("trialAttendedRate", line.trialAttendedRate());
        row.put("enrolledRate", line.enrolledRate());
        row.put("overallRate", line.overallRate());
        row.put("total", total);
        return row;
    }

    private static String value(FunnelDimension dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }

    private ReportChoice dimension(FunnelDimension dimension, Locale locale) {
        return new ReportChoice(value(dimension), texts.text(dimension.messageKey(), locale));
    }
}
