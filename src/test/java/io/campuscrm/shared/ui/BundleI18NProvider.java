package io.campuscrm.shared.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;

import io.campuscrm.shared.i18n.Language;

/** The application's message bundle for browserless tests without Spring (the app serves it through Spring). */
public class BundleI18NProvider implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Locale.ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            // zh-SG reads the zh_CN bundle, as MessagesI18NProvider has it
            var bundle = ResourceBundle.getBundle("vaadin-i18n/messages", Language.bundleLocale(locale));
            return new MessageFormat(bundle.getString(key), locale).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
