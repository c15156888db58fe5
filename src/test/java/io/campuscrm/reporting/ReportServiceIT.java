package io.campuscrm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.reporting.internal.SampleTimetableReports;
import io.campuscrm.reporting.internal.TimetableReport;
import io.campuscrm.security.AuditFilter;
import io.campuscrm.security.AuditLogService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.support.CampusIntegrationTest;

/** Report requests are checked before any work, and a background run ends in the same file and audit line. */
@CampusIntegrationTest
class ReportServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ReportService reports;
    @Autowired
    AuditLogService auditLog;

    @Test
    @WithUserDetails("admin")
    void the_catalog_tells_which_parameters_a_report_takes() {
        assertThat(reports.availableReports()).filteredOn(r -> r.id().equals(SampleTimetableReports.ID))
                .singleElement().satisfies(r -> assertThat(r.parameters()).extracting(ReportParameter::name,
                        ReportParameter::kind, ReportParameter::required).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("week", ReportParameter.Kind.DATE, true),
                        org.assertj.core.groups.Tuple.tuple("subject", ReportParameter.Kind.TEXT, false)));
        assertThat(reports.availableReports()).filteredOn(r -> r.id().equals("users-access"))
                .singleElement().satisfies(r -> assertThat(r.parameters()).isEmpty());
    }

    @Test
    @WithUserDetails("admin")
    void a_missing_malformed_or_unknown_parameter_is_refused_naming_it() {
        var request = ReportRequest.of(SampleTimetableReports.ID, ReportFormat.PDF, Locale.ENGLISH);

        assertRefused(request, "week", "report.error.parameter-required", "Week");
        assertRefused(request.with(TimetableReport.WEEK, "  "), "week", "report.error.parameter-required", "Week");
        assertRefused(request.with(TimetableReport.WEEK, "18/11/2026"), "week", "report.error.parameter-not-a-date",
                "Week", "18/11/2026");
        assertRefused(request.with(TimetableReport.WEEK, "2026-11-18").with("room", "101"), null,
                "report.error.parameter-unknown", SampleTimetableReports.ID, "room");
        assertRefused(ReportRequest.of("no-such-report", ReportFormat.PDF, Locale.ENGLISH), null,
                "report.error.unknown", "no-such-report");
    }

    @Test
    @WithUserDetails("teacher")
    void a_report_the_roles_do_not_allow_is_refused_before_it_starts() {
        assertThatThrownBy(() -> reports.start(ReportRequest.of(SampleTimetableReports.ID, ReportFormat.PDF,
                Locale.ENGLISH).with(TimetableReport.WEEK, "2026-11-18"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void a_report_started_in_the_background_is_filled_as_the_user_and_audited_with_its_parameters()
            throws Exception {
        var job = reports.start(ReportRequest.of(SampleTimetableReports.ID, ReportFormat.PDF, Locale.UK)
                .with(TimetableReport.WEEK, "2026-11-25").with("subject", "Background run"));

        assertThat(job.await(WAIT)).isTrue();
        assertThat(job.failure()).isEmpty();
        assertThat(job.progress().stage()).isEqualTo(ReportProgress.Stage.DONE);
        assertThat(job.progress().pages()).isEqualTo(1);
        assertThat(job.fileName()).startsWith("timetable-sample-").endsWith(".pdf");
        var out = new ByteArrayOutputStream();
        job.writeTo(out);
        try (var document = Loader.loadPDF(out.toByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Timetable · Background run",
                    "Generated", "by Alex Morgan");
        }
        job.discard();

        var audit = auditLog.search(new AuditFilter("admin", "Report", SampleTimetableReports.ID, AuditAction.EXPORT,
                null, null), PageRequest.of(0, 20)).getContent();
        assertThat(audit).anySatisfy(e -> assertThat(e.summary()).contains("subject=Background run",
                "week=2026-11-25"));
    }

    private void assertRefused(ReportRequest request, String field, String key, Object... arguments) {
        assertThatThrownBy(() -> reports.render(request, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.arguments()).containsExactly(arguments);
                });
    }
}
