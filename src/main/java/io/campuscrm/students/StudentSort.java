package io.campuscrm.students;

import java.util.Locale;

import io.campuscrm.shared.i18n.Language;

/**
 * Sort properties of the student list ({@link StudentSearch#find}) besides {@code studentNumber}, {@code status},
 * {@code createdAt} and {@code birthDate}: by name, in the order a reader of a language expects. Names are shown as
 * the record holds them; only their order depends on the language (docs/decisions/0058-name-sort-keys.md).
 */
public final class StudentSort {

    /** By name in English order (ICU's English collation of the full name): every language but Chinese. */
    public static final String NAME = "fullName";
    /**
     * By name in Chinese order: ICU's pinyin collation of the Chinese name, else of the full name; Han characters
     * come before Latin letters, so students with a Chinese name come first.
     */
    public static final String NAME_IN_CHINESE = "fullNameZh";

    private StudentSort() {
    }

    /** The sort by name for someone reading the product in this locale's language. */
    public static String name(Locale locale) {
        return Language.of(locale).orElse(Language.ENGLISH) == Language.SIMPLIFIED_CHINESE ? NAME_IN_CHINESE : NAME;
    }
}
