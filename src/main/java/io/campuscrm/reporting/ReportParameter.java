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
        DATE,
        /**
         * One of the options the report offers the user ({@link ReportService#choices}), e.g. a class or a term; the
         * request carries the option's value.
         */
        CHOICE
    }

    public static ReportParameter requiredDate(String name, String labelKey) {
        return new ReportParameter(name, labelKey, Kind.DATE, true);
    }

    public static ReportParameter requiredChoice(String name, String labelKey) {
        return new ReportParameter(name, labelKey, Kind.CHOICE, true);
    }

    public static ReportParameter optionalChoice(String name, String labelKey) {
        return new ReportParameter(name, labelKey, Kind.CHOICE, false);
    }

    public static ReportParameter requiredText(String name, String labelKey) {
        return new ReportParameter(name, labelKey, Kind.TEXT, true);
    }
}
