package io.campuscrm.shared.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * The one line an audit entry is listed with, as a message of the bundles and its arguments, so that every reader
 * reads it in their own language: {@code audit.guardian.added} with "Li Mei" and "F-0042" is "Added guardian Li Mei
 * to family F-0042" in English and "将家长 Li Mei 添加到家庭 F-0042" in Chinese.
 * <p>
 * The arguments are kept as strings, as the audit log stores them. One made with {@link #key(String)} is itself a
 * message key, translated too (a role, a language), and is kept as {@code #key}, as the timeline writes its own
 * ({@code TimelineEntry.key}); any other is text, shown as it is. A text that starts with {@code #} is kept with a
 * second one in front, so that a room called "#3" or a reason "#2 is ill" is never taken for a key. A date or a
 * date and time is kept as {@code #date:2026-11-02} or {@code #datetime:2026-11-02T16:00} and written the way the
 * reader's locale writes dates ("2026年11月2日"); no message key has a colon, so neither is taken for a key.
 *
 * @param key  the message key ({@code audit.…}); a message with arguments is a {@code MessageFormat} pattern
 * @param args the arguments as kept: {@code #key}, {@code ##text} or {@code text}
 */
public record AuditSummary(String key, List<String> args) {

    private static final String KEY_MARK = "#";
    private static final String DATE_MARK = KEY_MARK + "date:";
    private static final String DATE_TIME_MARK = KEY_MARK + "datetime:";

    public AuditSummary {
        args = List.copyOf(args);
    }

    /**
     * A summary with these arguments: a {@link Key} is translated, anything else is the text
     * {@link String#valueOf(Object)} writes of it, as string concatenation did.
     */
    public static AuditSummary of(String key, @Nullable Object... args) {
        return new AuditSummary(key, Arrays.stream(args).map(AuditSummary::kept).toList());
    }

    /** An argument translated for each reader, e.g. {@code key(role.messageKey())}. */
    public static Key key(String messageKey) {
        return new Key(messageKey);
    }

    /** An argument that is a message key. */
    public record Key(String messageKey) {
    }

    /**
     * The line in one language. {@code messages} gives a key's text with the arguments it is passed: a message
     * source's {@code getMessage(key, args, locale)}, or a screen's {@code getTranslation}.
     */
    public String render(BiFunction<String, Object[], String> messages) {
        return render(messages, null);
    }

    /** The line in one language, its dates as {@code locale} writes them; ISO dates when it is null. */
    public String render(BiFunction<String, Object[], String> messages, @Nullable Locale locale) {
        Object[] values = args.stream().map(arg -> value(arg, messages, locale)).toArray();
        return messages.apply(key, values);
    }

    private static String kept(@Nullable Object arg) {
        if (arg instanceof Key k) {
            return KEY_MARK + k.messageKey();
        }
        if (arg instanceof LocalDate date) {
            return DATE_MARK + date;
        }
        if (arg instanceof LocalDateTime dateTime) {
            return DATE_TIME_MARK + dateTime;
        }
        String text = String.valueOf(arg);
        return text.startsWith(KEY_MARK) ? KEY_MARK + text : text;
    }

    private static String value(String arg, BiFunction<String, Object[], String> messages,
            @Nullable Locale locale) {
        if (arg.startsWith(KEY_MARK + KEY_MARK)) {
            return arg.substring(1);
        }
        if (arg.startsWith(DATE_MARK)) {
            var date = LocalDate.parse(arg.substring(DATE_MARK.length()));
            return locale == null ? date.toString()
                    : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
        }
        if (arg.startsWith(DATE_TIME_MARK)) {
            var dateTime = LocalDateTime.parse(arg.substring(DATE_TIME_MARK.length()));
            return locale == null ? dateTime.toString()
                    : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                            .format(dateTime);
        }
        return arg.startsWith(KEY_MARK) ? messages.apply(arg.substring(1), new Object[0]) : arg;
    }
}
