package io.campuscrm.reporting;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which report to run, in which format and language, with its own parameters. Parameters are strings (dates as
 * ISO-8601, ids as decimal numbers) so a request can be stored or handed to a background job as it is; the
 * report's {@link ReportParameter}s say which it takes.
 */
public record ReportRequest(String reportId, ReportFormat format, Locale locale, Map<String, String> parameters)
        implements Serializable {

    public ReportRequest {
        parameters = Map.copyOf(parameters);
    }

    public static ReportRequest of(String reportId, ReportFormat format, Locale locale) {
        return new ReportRequest(reportId, format, locale, Map.of());
    }

    /** This request with one more parameter (or a new value for it). */
    public ReportRequest with(String name, String value) {
        Map<String, String> more = new HashMap<>(parameters);
        more.put(name, value);
        return new ReportRequest(reportId, format, locale, more);
    }
}
