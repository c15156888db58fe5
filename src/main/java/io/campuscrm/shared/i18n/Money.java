package io.campuscrm.shared.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts as the reader's locale writes them, in the institution's currency with its symbol: S$40.00 is "$40.00" in
 * en-SG and zh-SG, ¥40.00 is "¥40.00" in zh-CN. Amounts are {@link BigDecimal}s; formatting never rounds through a
 * double.
 */
public final class Money {

    private Money() {
    }

    public static String format(BigDecimal amount, Currency currency, Locale locale) {
        return formatter(currency, locale).format(amount);
    }

    /** A formatter for many amounts (a grid column); not thread-safe, like every {@link NumberFormat}. */
    public static NumberFormat formatter(Currency currency, Locale locale) {
        var format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format;
    }
}
