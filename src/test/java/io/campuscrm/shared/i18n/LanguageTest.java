package io.campuscrm.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class LanguageTest {

    private static final Locale SINGAPORE = Locale.forLanguageTag("en-SG");

    @Test
    void a_language_read_at_an_institution_in_that_language_keeps_the_institutions_locale() {
        assertThat(Language.ENGLISH.locale(SINGAPORE)).isEqualTo(SINGAPORE);
        assertThat(Language.SIMPLIFIED_CHINESE.locale(Locale.forLanguageTag("zh-CN")))
                .isEqualTo(Locale.forLanguageTag("zh-CN"));
    }

    @Test
    void another_language_keeps_the_institutions_region() {
        assertThat(Language.SIMPLIFIED_CHINESE.locale(SINGAPORE)).isEqualTo(Locale.forLanguageTag("zh-SG"));
        assertThat(Language.ENGLISH.locale(Locale.forLanguageTag("zh-CN"))).isEqualTo(Locale.forLanguageTag("en-CN"));
        assertThat(Language.SIMPLIFIED_CHINESE.locale(Locale.ENGLISH)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void chinese_of_any_region_or_script_reads_the_simplified_chinese_bundle() {
        for (String tag : new String[] {"zh", "zh-SG", "zh-CN", "zh-Hans-SG", "zh-TW"}) {
            assertThat(Language.bundleLocale(Locale.forLanguageTag(tag))).as(tag).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        }
        assertThat(Language.bundleLocale(SINGAPORE)).isEqualTo(Locale.ENGLISH);
        assertThat(Language.bundleLocale(Locale.forLanguageTag("fr-FR"))).as("not spoken: English")
                .isEqualTo(Locale.ENGLISH);
    }

    @Test
    void a_stored_tag_finds_its_language_and_an_unknown_or_blank_one_none() {
        assertThat(Language.ofTag("zh-CN")).contains(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.ofTag(" en ")).contains(Language.ENGLISH);
        assertThat(Language.ofTag("fr")).isEmpty();
        assertThat(Language.ofTag("")).isEmpty();
        assertThat(Language.ofTag(null)).isEmpty();
        for (Language language : Language.values()) {
            assertThat(Language.ofTag(language.tag())).contains(language);
        }
    }

    @Test
    void a_chinese_reader_in_singapore_gets_chinese_dates() {
        var date = LocalDate.of(2026, 12, 2);
        assertThat(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Language.SIMPLIFIED_CHINESE.locale(SINGAPORE)).format(date)).isEqualTo("2026年12月2日");
    }
}
