package io.campuscrm.reporting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.LeadReportService;
import io.campuscrm.admissions.ResponseTimes;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Response time" ({@value #ID}): per owner, how quickly the leads entered in the period were first contacted —
 * median and average hours, the share within 48 hours — and in all. For admissions (their campuses) and
 * administrators.
 */
@Component
class ResponseTimeReport implements ReportDefinition {

    static final String ID = "lead-response-time";

    private final LeadReportService leads;
    private final AdmissionsReportTexts texts;

    ResponseTimeReport(LeadReportService leads, AdmissionsReportTexts texts) {
        this.leads = leads;
        this.texts = texts;
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo(ID, "report.admissions.response.title", "report.admissions.response.description",
                AdmissionsReportTexts.periodAndCampus());
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
        return texts.campuses(parameter, text, page);
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        return texts.campus(parameter, value);
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
