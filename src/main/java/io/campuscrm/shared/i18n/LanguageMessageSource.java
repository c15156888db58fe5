package io.campuscrm.shared.i18n;

import java.text.MessageFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's message source ({@code vaadin-i18n/messages*.properties}, UTF-8): a locale reads its
 * {@link Language}'s bundle, so zh-SG, zh or zh-Hans find {@code messages_zh_CN} (Java's own lookup would try
 * {@code messages_zh_SG} and {@code messages_zh}, then fall back to English), and a language the product does not
 * speak reads English, never the JVM's default locale. Views, services and report fillers that format a message for
 * a reader (a roster's "12 places · 12 enrolled") all go through it.
 */
public class LanguageMessageSource extends ResourceBundleMessageSource {

    public static final String BASENAME = "vaadin-i18n/messages";

    public LanguageMessageSource() {
        setBasename(BASENAME);
        setDefaultEncoding("UTF-8");
        setFallbackToSystemLocale(false);
    }

    @Override
    protected @Nullable String resolveCodeWithoutArguments(String code, Locale locale) {
        return super.resolveCodeWithoutArguments(code, Language.bundleLocale(locale));
    }

    @Override
    protected @Nullable MessageFormat resolveCode(String code, Locale locale) {
        return super.resolveCode(code, Language.bundleLocale(locale));
    }
}
