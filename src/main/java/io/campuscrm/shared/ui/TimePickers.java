package io.campuscrm.shared.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.timepicker.TimePicker;

/**
 * Vaadin's time picker with its own checks' messages in the screen's language: left alone, a time it cannot read
 * ("4pm-ish") or one outside its range turns the field red with no words at all. Every TimePicker the code makes goes
 * through {@link #localized(TimePicker)} (UserVisibleLiteralsTest checks).
 */
public final class TimePickers {

    private TimePickers() {
    }

    /** The time picker, in the language of the screen it is made for. */
    public static TimePicker localized(TimePicker picker) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.getDefault() : ui.getLocale();
        picker.setI18n(new TimePicker.TimePickerI18n()
                .setBadInputErrorMessage(picker.getTranslation(locale, "time.error.bad-input"))
                .setRequiredErrorMessage(picker.getTranslation(locale, "time.error.required"))
                .setMinErrorMessage(picker.getTranslation(locale, "time.error.out-of-range"))
                .setMaxErrorMessage(picker.getTranslation(locale, "time.error.out-of-range")));
        return picker;
    }
}
