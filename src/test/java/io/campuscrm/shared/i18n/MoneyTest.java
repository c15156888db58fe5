package io.campuscrm.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency SGD = Currency.getInstance("SGD");
    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void an_amount_carries_the_institutions_currency_symbol_in_the_readers_locale() {
        assertThat(Money.format(new BigDecimal("1234.5"), SGD, Locale.forLanguageTag("en-SG"))).isEqualTo("$1,234.50");
        assertThat(Money.format(new BigDecimal("1234.5"), SGD, Locale.forLanguageTag("zh-SG"))).isEqualTo("$1,234.50");
        assertThat(Money.format(new BigDecimal("40"), CNY, Locale.forLanguageTag("zh-CN"))).isEqualTo("¥40.00");
    }

    @Test
    void an_amount_is_never_rounded_through_a_double() {
        assertThat(Money.format(new BigDecimal("9999999999999.99"), SGD, Locale.forLanguageTag("en-SG")))
                .isEqualTo("$9,999,999,999,999.99");
    }

    @Test
    void a_currency_without_cents_shows_none() {
        assertThat(Money.format(new BigDecimal("1500"), Currency.getInstance("JPY"), Locale.forLanguageTag("en-SG")))
                .isEqualTo("JP¥1,500");
    }
}
