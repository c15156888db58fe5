package io.campuscrm.shared.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A language the product is translated into: each has a complete message bundle
 * ({@code vaadin-i18n/messages.properties} for English, {@code messages_zh_CN.properties} for Simplified Chinese).
 * A user's language decides the texts; the institution's region still decides what it can (a Singapore school's
 * Chinese-speaking clerk gets Chinese texts with Singapore's conventions). To add a language: a bundle with exactly
 * English's keys, a constant here, and its glossary (README, "Adding a language").
 */
public enum Language {

    ENGLISH("en", Locale.ENGLISH, "English"),
    SIMPLIFIED_CHINESE("zh-CN", Locale.SIMPLIFIED_CHINESE, "简体中文");

    private final String tag;
    private final Locale bundle;
    private final String nativeName;

    Language(String tag, Locale bundle, String nativeName) {
        this.tag = tag;
        this.bundle = bundle;
        this.nativeName = nativeName;
    }

    /** The BCP 47 tag stored on an account or a family ({@code en}, {@code zh-CN}). */
    public String tag() {
        return tag;
    }

    /** The language's name in itself, as a language picker shows it whatever the screen's language. */
    public String nativeName() {
        return nativeName;
    }

    /** The locale of this language's message bundle. */
    public Locale bundleLocale() {
        return bundle;
    }

    /**
     * The locale to show and format with for someone reading this language at an institution with the given locale:
     * the institution's own locale when it is in this language (en-SG, zh-CN), else this language with the
     * institution's region (zh-SG, en-CN), so dates and numbers keep the region's conventions where the language has
     * them.
     */
    public Locale locale(Locale institution) {
        if (institution.getLanguage().equals(bundle.getLanguage())) {
            return institution;
        }
        return institution.getCountry().isEmpty() ? bundle : Locale.of(bundle.getLanguage(), institution.getCountry());
    }

    /** The language with this tag ({@code zh-CN}, {@code zh}, {@code en-SG} all find one), if the product has it. */
    public static Optional<Language> ofTag(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        return of(Locale.forLanguageTag(tag.strip()));
    }

    /** The language a locale is in, if the product has it: Chinese of any region or script reads Simplified Chinese. */
    public static Optional<Language> of(@Nullable Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(l -> l.bundle.getLanguage().equals(locale.getLanguage())).findFirst();
    }

    /** The bundle a locale reads: its language's, or English's when the product does not speak it. */
    public static Locale bundleLocale(Locale locale) {
        return of(locale).orElse(ENGLISH).bundle;
    }
}
