package io.campuscrm.shared.ui;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;

/**
 * Vaadin's date picker in the screen's language. Left alone, its calendar says "January", "Sun" and "Today" in every
 * language; here the month and weekday names come from java.time for the screen's locale (三月, 周日 in Chinese), the
 * week starts on the locale's first day, and the picker's own words ("Today", "Cancel" and its error messages) come
 * from the bundles. Dates are written and read in the same locale. Every DatePicker the code makes goes through
 * {@link #localized(DatePicker)} (UserVisibleLiteralsTest checks).
 */
public final class DatePickers {

    private DatePickers() {
    }

    /** The picker, in the language and locale of the screen it is made for. */
    public static DatePicker localized(DatePicker picker) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.getDefault() : ui.getLocale();
        picker.setLocale(locale);
        picker.setI18n(i18n(locale, key -> picker.getTranslation(locale, key)));
        return picker;
    }

    /**
     * A date picker's texts for a locale: month and weekday names (Sunday first, as Vaadin wants them) from
     * java.time, the first day of the week from the locale's week rules, and the picker's words from
     * {@code messages}, which gives the message of a bundle key.
     */
    public static DatePicker.DatePickerI18n i18n(Locale locale, Function<String, String> messages) {
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values())
                        .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList())
                .setWeekdays(sundayFirst().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdaysShort(sundayFirst().map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale))
                        .toList())
                // Vaadin counts from Sunday = 0; java.time from Monday = 1 to Sunday = 7
                .setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7)
                .setToday(messages.apply("date-picker.today"))
                .setCancel(messages.apply("action.cancel"))
                .setBadInputErrorMessage(messages.apply("date-picker.bad-input"))
                .setMinErrorMessage(messages.apply("date-picker.too-early"))
                .setMaxErrorMessage(messages.apply("date-picker.too-late"));
    }

    private static Stream<DayOfWeek> sundayFirst() {
        return Stream.concat(Stream.of(DayOfWeek.SUNDAY), List.of(DayOfWeek.values()).subList(0, 6).stream());
    }
}
