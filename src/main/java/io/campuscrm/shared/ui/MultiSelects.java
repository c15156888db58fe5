package io.campuscrm.shared.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBoxI18n;

/**
 * Vaadin's multi-select combo box with what it tells a screen reader ("added to selection", "3 items selected") in
 * the screen's language rather than always in English. Every MultiSelectComboBox the code makes goes through
 * {@link #localized(MultiSelectComboBox)} (UserVisibleLiteralsTest checks).
 */
public final class MultiSelects {

    private MultiSelects() {
    }

    /** The combo box, in the language of the screen it is made for. */
    public static <T> MultiSelectComboBox<T> localized(MultiSelectComboBox<T> box) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.getDefault() : ui.getLocale();
        box.setI18n(new MultiSelectComboBoxI18n()
                .setCleared(box.getTranslation(locale, "multi-select.cleared"))
                .setFocused(box.getTranslation(locale, "multi-select.focused"))
                .setSelected(box.getTranslation(locale, "multi-select.selected"))
                .setDeselected(box.getTranslation(locale, "multi-select.deselected"))
                // the web component puts the number in for its own placeholder
                .setTotal(box.getTranslation(locale, "multi-select.total", "{count}")));
        return box;
    }
}
