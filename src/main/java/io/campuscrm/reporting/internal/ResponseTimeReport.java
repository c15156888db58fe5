package io.campuscrm.reporting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.LeadReportService;
import io.campuscrm.admissions.ResponseTimes;
import io.campuscrm.reporting.ReportRequest;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Response time" ({@value #ID}): per owner, how quickly the leads entered in the period were first contacted —
 * median and average hours, the share within 48 hours — and in all. For admissions (their campuses) and
 * administrators.
 */
@Component
class ResponseTimeReport extends AdmissionsPeriodReport {

    static final String ID = "lead-response-time";

    private final LeadReportService leads;

    ResponseTimeReport(LeadReportService leads, AdmissionsReportTexts texts) {
        super(ID, "report.admissions.response.title", "report.admissions.response.description", texts);
        this.leads = leads;
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        Long campusId = ReportPeriods.optionalId(request, ReportPeriods.CAMPUS);
        var times = leads.responseTimes(ReportPeriods.date(request, ReportPeriods.FROM),
                ReportPeriods.date(request, ReportPeriods.TO), campusId);
        texts.heading(request, parameters, campusId);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (var line : times.lines()) {
            rows.add(row(texts.label(line.owner(), locale), line, false));
        }
        if (!rows.isEmpty()) {
            rows.add(row(texts.label(times.total().owner(), locale), times.total(), true));
        }
        return new JRMapCollectionDataSource(rows);
    }

    private static Map<String, ?> row(String owner, ResponseTimes.Line line, boolean total) {
        Map<String, @Nullable Object> row = new HashMap<>();
        row.put("owner", owner);
        row.put("leads", line.leads());
        row.put("contacted", line.contacted());
        row.put("median", AdmissionsReportTexts.hours(line.median()));
        row.put("average", AdmissionsReportTexts.hours(line.average()));
        row.put("inTime", line.inTime());
        row.put("share", line.inTimeShare());
        row.put("total", total);
        return row;
    }
}
