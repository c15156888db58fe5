package io.campuscrm.reporting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.campuscrm.admissions.LeadReportService;
import io.campuscrm.admissions.PoolActivity;
import io.campuscrm.reporting.ReportRequest;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Pool activity" ({@value #ID}): per campus and user, the leads claimed from the pool, released into it and
 * returned to it on their own in the period, with each campus's total. For admissions (their campuses) and
 * administrators.
 */
@Component
class PoolActivityReport extends AdmissionsPeriodReport {

    static final String ID = "lead-pool-activity";

    private final LeadReportService leads;

    PoolActivityReport(LeadReportService leads, AdmissionsReportTexts texts) {
        super(ID, "report.admissions.pool.title", "report.admissions.pool.description", texts);
        this.leads = leads;
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        Long campusId = ReportPeriods.optionalId(request, ReportPeriods.CAMPUS);
        var activity = leads.poolActivity(ReportPeriods.date(request, ReportPeriods.FROM),
                ReportPeriods.date(request, ReportPeriods.TO), campusId);
        texts.heading(request, parameters, campusId);
        String allUsers = texts.text("report.admissions.pool.total", locale);
        List<Map<String, ?>> rows = new ArrayList<>();
        long[] sum = new long[3];
        for (int i = 0; i < activity.size(); i++) {
            PoolActivity a = activity.get(i);
            rows.add(row(a.campusName(), texts.label(a.user(), locale), a.claimed(), a.released(), a.returned(),
                    false));
            sum[0] += a.claimed();
            sum[1] += a.released();
            sum[2] += a.returned();
            if (i + 1 == activity.size() || activity.get(i + 1).campusId() != a.campusId()) {
                rows.add(row(a.campusName(), allUsers, sum[0], sum[1], sum[2], true));
                sum = new long[3];
            }
        }
        return new JRMapCollectionDataSource(rows);
    }

    private static Map<String, ?> row(String campus, String user, long claimed, long released, long returned,
            boolean total) {
        Map<String, Object> row = new HashMap<>();
        row.put("campus", campus);
        row.put("user", user);
        row.put("claimed", claimed);
        row.put("released", released);
        row.put("returned", returned);
        row.put("total", total);
        return row;
    }
}
