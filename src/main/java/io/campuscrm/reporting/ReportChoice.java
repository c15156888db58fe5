package io.campuscrm.reporting;

/**
 * An option of a {@link ReportParameter.Kind#CHOICE} parameter: the value a request carries (e.g. a class id) and
 * what the user sees.
 */
public record ReportChoice(String value, String label) {
}
