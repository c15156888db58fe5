package io.campuscrm.shared.i18n;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.ibm.icu.text.ListFormatter;

/**
 * A list of names, roles or days as the reader's language writes one: "Teacher, Finance, Admin" in English,
 * "教师、财务、管理员" in Chinese (CLDR's narrow list pattern, through ICU4J), never a hard-coded ", ".
 */
public final class Lists {

    private Lists() {
    }

    public static String join(Locale locale, Collection<String> items) {
        return formatter(locale).format(items);
    }

    /** What stands between two items of such a list: ", " in English, "、" in Chinese. */
    public static String separator(Locale locale) {
        String two = formatter(locale).format(List.of("\u0001", "\u0002"));
        return two.substring(two.indexOf('\u0001') + 1, two.indexOf('\u0002'));
    }

    private static ListFormatter formatter(Locale locale) {
        return ListFormatter.getInstance(locale, ListFormatter.Type.AND, ListFormatter.Width.NARROW);
    }
}
