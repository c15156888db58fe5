package io.campuscrm.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;

import io.campuscrm.shared.i18n.Language;

/** Vaadin's date picker in the screen's language instead of its built-in English. */
@ViewPackages(packages = "io.campuscrm.shared.ui.no.views")
class DatePickersTest extends BrowserlessTest {

    private static final Locale SINGAPORE = Locale.forLanguageTag("en-SG");

    @BeforeAll
    static void useTheMessageBundle() {
        System.setProperty("vaadin.i18n.provider", BundleI18NProvider.class.getName());
    }

    @AfterAll
    static void forgetTheMessageBundle() {
        System.clearProperty("vaadin.i18n.provider");
    }

    @Test
    void a_chinese_calendar_has_chinese_month_and_weekday_names_and_starts_on_monday() {
        var i18n = DatePickers.i18n(Locale.SIMPLIFIED_CHINESE, bundle(Locale.SIMPLIFIED_CHINESE)::getString);

        assertThat(i18n.getMonthNames()).hasSize(12).startsWith("一月", "二月").endsWith("十二月");
        assertThat(i18n.getWeekdays()).as("Sunday first, as Vaadin wants").hasSize(7).startsWith("星期日", "星期一");
        assertThat(i18n.getWeekdaysShort()).startsWith("周日", "周一").hasSize(7);
        assertThat(i18n.getFirstDayOfWeek()).as("Monday").isEqualTo(1);
        assertThat(i18n.getToday()).isEqualTo("今天");
        assertThat(i18n.getCancel()).isEqualTo("取消");
        assertThat(i18n.getBadInputErrorMessage()).isEqualTo("请输入有效的日期。");
        assertThat(i18n.getMaxErrorMessage()).isEqualTo("请选择更早的日期。");
    }

    @Test
    void an_english_calendar_at_a_singapore_school_starts_on_sunday_as_singapore_does() {
        var i18n = DatePickers.i18n(SINGAPORE, bundle(SINGAPORE)::getString);

        assertThat(i18n.getMonthNames()).startsWith("January", "February");
        assertThat(i18n.getWeekdays()).startsWith("Sunday", "Monday");
        assertThat(i18n.getWeekdaysShort()).startsWith("Sun", "Mon");
        assertThat(i18n.getFirstDayOfWeek()).as("Sunday").isZero();
        assertThat(i18n.getToday()).isEqualTo("Today");
        assertThat(i18n.getCancel()).isEqualTo("Cancel");
    }

    @Test
    void a_picker_made_for_a_chinese_screen_writes_dates_and_names_months_in_chinese() {
        UI.getCurrent().setLocale(Language.SIMPLIFIED_CHINESE.locale(SINGAPORE));

        var picker = DatePickers.localized(new DatePicker());

        assertThat(picker.getLocale()).isEqualTo(Locale.forLanguageTag("zh-SG"));
        assertThat(picker.getI18n().getMonthNames()).startsWith("一月");
        assertThat(picker.getI18n().getToday()).isEqualTo("今天");
        assertThat(picker.getI18n().getFirstDayOfWeek()).as("Singapore's weeks start on Sunday").isZero();
    }

    @Test
    void a_picker_made_for_an_english_screen_stays_in_english() {
        UI.getCurrent().setLocale(SINGAPORE);

        var picker = DatePickers.localized(new DatePicker("Starts on"));

        assertThat(picker.getLocale()).isEqualTo(SINGAPORE);
        assertThat(picker.getI18n().getMonthNames()).startsWith("January");
        assertThat(picker.getLabel()).as("the picker's own settings are kept").isEqualTo("Starts on");
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("vaadin-i18n/messages", Language.bundleLocale(locale));
    }
}
