package io.campuscrm.reporting.internal;

import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.i18n.Money;

/** What the period reports share: their from/to parameters, the period as a heading says it, the money pattern. */
final class ReportPeriods {

    static final String FROM = "from";
    static final String TO = "to";
    static final String CAMPUS = "campusId";

    private ReportPeriods() {
    }

    static ReportParameter from() {
        return ReportParameter.requiredDate(FROM, "report.att.from");
    }

    static ReportParameter to() {
        return ReportParameter.requiredDate(TO, "report.att.to");
    }

    static ReportParameter campus() {
        return ReportParameter.optionalChoice(CAMPUS, "report.att.campus");
    }

    static LocalDate date(ReportRequest request, String name) {
        return LocalDate.parse(request.parameters().get(name));
    }

    static @Nullable Long optionalId(ReportRequest request, String name) {
        String value = request.parameters().get(name);
        return value == null || value.isBlank() ? null : ReportChoices.id(value);
    }

    /** "1 May 2029 – 31 May 2029". */
    static String label(MessageSource messages, Locale locale, LocalDate from, LocalDate to) {
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return messages.getMessage("report.att.period", new Object[] {dates.format(from), dates.format(to)}, locale);
    }

    /**
     * The pattern amounts are printed with: the reader's locale's currency pattern with the institution's currency
     * symbol as literal text (JasperReports formats with the report's locale, whose own currency may be another), so
     * the spreadsheet gets numbers with the same format.
     */
    static String moneyPattern(Currency currency, Locale locale) {
        return moneyPattern(currency, locale, "'" + symbol(currency, locale).replace("'", "''") + "'");
    }

    /**
     * The same pattern as a spreadsheet's number format: a symbol of letters left bare there (SGD) would read as date
     * codes, so each of its characters is escaped with a backslash (JasperReports writes the format into the file's
     * XML as it is, so Excel's other way, double quotes, would break the file).
     */
    static String moneySheetPattern(Currency currency, Locale locale) {
        StringBuilder escaped = new StringBuilder();
        symbol(currency, locale).codePoints().forEach(c -> escaped.append('\\').appendCodePoint(c));
        return moneyPattern(currency, locale, escaped.toString());
    }

    private static String moneyPattern(Currency currency, Locale locale, String quotedSymbol) {
        return ((DecimalFormat) Money.formatter(currency, locale)).toPattern().replace("\u00A4", quotedSymbol);
    }

    private static String symbol(Currency currency, Locale locale) {
        return ((DecimalFormat) Money.formatter(currency, locale)).getDecimalFormatSymbols().getCurrencySymbol();
    }
}
