package io.campuscrm.students;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of a student's timeline. Modules contribute entries through {@link StudentTimelineSource}.
 *
 * @param occurredAt when it happened (UTC); the timeline is ordered by it, newest first
 * @param category   what kind of thing: {@code student}, {@code note}, {@code document}, {@code family}, or a
 *                   module's own ({@code lead}, {@code enrollment}, {@code attendance}, {@code invoice},
 *                   {@code payment}); the view picks an icon by it
 * @param titleKey   i18n key of the line's text
 * @param titleArgs  arguments of that text; one written as {@link #key(String)} is a message key, translated too,
 *                   and one written as {@link #keys(List)} a list of them, translated and joined as the reader's
 *                   language lists things
 * @param details    more text shown below it, not translated (e.g. a note or a field-by-field change), or null
 * @param actor      who did it (username), or null
 * @param route      a view to open for more (e.g. {@code invoices/42}), or null
 */
public record TimelineEntry(Instant occurredAt, String category, String titleKey, List<String> titleArgs,
        @Nullable String details, @Nullable String actor, @Nullable String route) {

    public TimelineEntry {
        titleArgs = List.copyOf(titleArgs);
    }

    /** An argument that the timeline translates, e.g. {@code key("student.status.paused")}. */
    public static String key(String messageKey) {
        return "#" + messageKey;
    }

    /** An argument that the timeline translates as a list, e.g. the labels of the fields that changed. */
    public static String keys(List<String> messageKeys) {
        return String.join(",", messageKeys.stream().map(TimelineEntry::key).toList());
    }

    /** The message keys an argument written by {@link #key} or {@link #keys} stands for; empty for plain text. */
    public static List<String> keysOf(String argument) {
        if (!argument.startsWith("#")) {
            return List.of();
        }
        return Arrays.stream(argument.split(",")).map(k -> k.substring(1)).toList();
    }
}
