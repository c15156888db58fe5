package io.campuscrm.shared.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

import io.campuscrm.shared.i18n.Language;

/**
 * Vaadin's i18n over Spring's message source ({@code vaadin-i18n/messages*.properties}), so views and services
 * share one bundle. Every language has all of English's keys (MessageBundleTest); a locale reads its language's
 * bundle ({@link Language#bundleLocale(Locale)}), English when the product does not speak it.
 */
@Component
class MessagesI18NProvider implements I18NProvider {

    private final MessageSource messages;

    MessagesI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Arrays.stream(Language.values()).map(Language::bundleLocale).toList();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            // the application's LanguageMessageSource finds the locale's language's bundle (zh-SG reads zh_CN)
            return messages.getMessage(key, params, locale);
        } catch (NoSuchMessageException e) {
            return "!" + key;
        }
    }
}
