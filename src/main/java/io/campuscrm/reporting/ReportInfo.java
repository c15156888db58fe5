package io.campuscrm.reporting;

import java.util.List;

/**
 * A report of the catalog as the reports view lists it; title and description are i18n keys, parameters what the
 * user fills in before running it.
 */
public record ReportInfo(String id, String titleKey, String descriptionKey, List<ReportParameter> parameters) {

    public ReportInfo {
        parameters = List.copyOf(parameters);
    }

    public ReportInfo(String id, String titleKey, String descriptionKey) {
        this(id, titleKey, descriptionKey, List.of());
    }
}
