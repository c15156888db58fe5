package io.campuscrm.reporting;

/**
 * A parameter a report takes, as the reports view asks for it and {@link ReportService} checks it.
 *
 * @param name     the key in {@link ReportRequest#parameters()}
 * @param labelKey i18n key of the field label
 */
public record ReportParameter(String name, String labelKey, Kind kind, boolean required) {

    public enum Kind {
        /** Free text or an id. */
        TEXT,
        /** A date, {@code yyyy-MM-dd}. */
        DATE
    }

    public static ReportParameter requiredDate(String name, String labelKey) {
        return new ReportParameter(name, labelKey, Kind.DATE, true);
    }

    public static ReportParameter requiredText(String name, String labelKey) {
        return new ReportParameter(name, labelKey, Kind.TEXT, true);
    }
}
