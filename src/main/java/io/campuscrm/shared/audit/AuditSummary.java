package io.campuscrm.shared.audit;

import java.util.Arrays;
import java.util.List;
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
 * second one in front, so that a room called "#3" or a reason "#2 is ill" is never taken for a key.
 *
 * @param key  the message key ({@code audit.…}); a message with arguments is a {@code MessageFormat} pattern
 * @param args the arguments as kept: {@code #key}, {@code ##text} or {@code text}
 */
public record AuditSummary(String key, List<String> args) {

    private static final String KEY_MARK = "#";

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
        Object[] values = args.stream().map(arg -> value(arg, messages)).toArray();
        return messages.apply(key, values);
    }

    private static String kept(@Nullable Object arg) {
        if (arg instanceof Key k) {
            return KEY_MARK + k.messageKey();
        }
        String text = String.valueOf(arg);
        return text.startsWith(KEY_MARK) ? KEY_MARK + text : text;
    }

    private static String value(String arg, BiFunction<String, Object[], String> messages) {
        if (arg.startsWith(KEY_MARK + KEY_MARK)) {
            return arg.substring(1);
        }
        return arg.startsWith(KEY_MARK) ? messages.apply(arg.substring(1), new Object[0]) : arg;
    }
}
