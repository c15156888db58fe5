package io.campuscrm.reporting;

/** A report of the catalog as the reports view lists it; title and description are i18n keys. */
public record ReportInfo(String id, String titleKey, String descriptionKey) {
}
