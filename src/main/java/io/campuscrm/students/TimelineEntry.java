package io.campuscrm.students;

import java.time.Instant;
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
 * @param titleArgs  arguments of that text; one written as {@link #key(String)} is a message key, translated too
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
}
