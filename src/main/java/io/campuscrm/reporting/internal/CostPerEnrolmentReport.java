package io.campuscrm.reporting.internal;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.CampaignCost;
import io.campuscrm.admissions.LeadReportService;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Cost per enrolment" ({@value #ID}): the campaigns that ran in the period with their cost, leads, enrolled leads
 * and cost over enrolled, then the same per source (the sums of its campaigns) with the total. For admissions (their
 * campuses' share), finance and administrators (decision 0078).
 */
@Component
class CostPerEnrolmentReport extends AdmissionsPeriodReport {

    static final String ID = "lead-cost-per-enrolment";

    private final LeadReportService leads;
    private final InstitutionService institution;

    CostPerEnrolmentReport(LeadReportService leads, AdmissionsReportTexts texts, InstitutionService institution) {
        super(ID, "report.admissions.cost.title", "report.admissions.cost.description", Set.of(Role.ADMIN, Role.ADMISSIONS, Role.FINANCE), texts);
        this.leads = leads;
        this.institution = institution;
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        Long campusId = ReportPeriods.optionalId(request, ReportPeriods.CAMPUS);
        var costs = leads.campaignCosts(ReportPeriods.date(request, ReportPeriods.FROM),
                ReportPeriods.date(request, ReportPeriods.TO), campusId);
        texts.heading(request, parameters, campusId);
        var currency = institution.settings().currency();
        parameters.put("MONEY", ReportPeriods.moneyPattern(currency, locale));
        parameters.put("MONEY_SHEET", ReportPeriods.moneySheetPattern(currency, locale));
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String byCampaign = texts.text("report.admissions.cost.section.campaign", locale);
        String bySource = texts.text("report.admissions.cost.section.source", locale);
        String campaignHeader = texts.text("report.admissions.cost.col.campaign", locale);
        String sourceHeader = texts.text("report.admissions.cost.col.source", locale);
        String runsHeader = texts.text("report.admissions.cost.col.runs", locale);
        List<Map<String, ?>> rows = new ArrayList<>();
        Map<Long, Sum> sources = new LinkedHashMap<>();
        var total = new Sum(texts.text("report.admissions.cost.total", locale));
        for (CampaignCost c : costs) {
            var row = row("1", byCampaign, campaignHeader, sourceHeader, runsHeader, c.name(),
                    texts.label(c.source(), locale), texts.text("report.admissions.cost.runs", locale,
                            dates.format(c.startsOn()), dates.format(c.endsOn())), c.cost(), c.leads(), c.enrolled(),
                    false);
            rows.add(row);
            sources.computeIfAbsent(c.sourceId(), id -> new Sum(texts.label(c.source(), locale))).add(c);
            total.add(c);
        }
        for (Sum source : sources.values()) {
            rows.add(row("2", bySource, sourceHeader, "", "", source.name, "", "", source.cost, source.leads,
                    source.enrolled, false));
        }
        if (!sources.isEmpty()) {
            rows.add(row("2", bySource, sourceHeader, "", "", total.name, "", "", total.cost, total.leads,
                    total.enrolled, true));
        }
        return new JRMapCollectionDataSource(rows);
    }

    private static Map<String, ?> row(String section, String title, String nameHeader, String sourceHeader,
            String runsHeader, String name, String source, String runs, BigDecimal cost, long leads, long enrolled,
            boolean total) {
        Map<String, @Nullable Object> row = new HashMap<>();
        row.put("section", section);
        row.put("sectionTitle", title);
        row.put("nameHeader", nameHeader);
        row.put("sourceHeader", sourceHeader);
        row.put("runsHeader", runsHeader);
        row.put("name", name);
        row.put("source", source);
        row.put("runs", runs);
        row.put("cost", cost);
        row.put("leads", leads);
        row.put("enrolled", enrolled);
        row.put("perEnrolment", CampaignCost.perEnrolment(cost, enrolled));
        row.put("total", total);
        return row;
    }

    /** A source's campaigns added up (or all of them). */
    private static final class Sum {
        final String name;
        BigDecimal cost = BigDecimal.ZERO;
        long leads;
        long enrolled;

        Sum(String name) {
            this.name = name;
        }

        void add(CampaignCost c) {
            cost = cost.add(c.cost());
            leads += c.leads();
            enrolled += c.enrolled();
        }
    }
}
