package io.campuscrm.reporting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.campuscrm.admissions.LeadFunnel;
import io.campuscrm.admissions.LeadReportService;
import io.campuscrm.admissions.LostReasonCount;
import io.campuscrm.reporting.ReportRequest;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Lost reasons" ({@value #ID}): the leads lost in the period per campus and reason, with each reason's share of the
 * campus's lost leads and the campus's total. For admissions (their campuses) and administrators.
 */
@Component
class LostReasonsReport extends AdmissionsPeriodReport {

    static final String ID = "lead-lost-reasons";

    private final LeadReportService leads;

    LostReasonsReport(LeadReportService leads, AdmissionsReportTexts texts) {
        super(ID, "report.admissions.lost.title", "report.admissions.lost.description", texts);
        this.leads = leads;
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        Long campusId = ReportPeriods.optionalId(request, ReportPeriods.CAMPUS);
        var counts = leads.lostReasons(ReportPeriods.date(request, ReportPeriods.FROM),
                ReportPeriods.date(request, ReportPeriods.TO), campusId);
        texts.heading(request, parameters, campusId);
        Map<Long, Long> perCampus = new HashMap<>();
        counts.forEach(c -> perCampus.merge(c.campusId(), c.leads(), Long::sum));
        String allReasons = texts.text("report.admissions.lost.total", locale);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            LostReasonCount c = counts.get(i);
            long campusTotal = perCampus.get(c.campusId());
            rows.add(row(c.campusName(), texts.label(c.reason(), locale), c.leads(), campusTotal, false));
            boolean lastOfCampus = i + 1 == counts.size() || counts.get(i + 1).campusId() != c.campusId();
            if (lastOfCampus) {
                rows.add(row(c.campusName(), allReasons, campusTotal, campusTotal, true));
            }
        }
        return new JRMapCollectionDataSource(rows);
    }

    private static Map<String, ?> row(String campus, String reason, long leads, long campusTotal, boolean total) {
        Map<String, Object> row = new HashMap<>();
        row.put("campus", campus);
        row.put("reason", reason);
        row.put("leads", leads);
        row.put("share", LeadFunnel.rate(leads, campusTotal));
        row.put("total", total);
        return row;
    }
}
