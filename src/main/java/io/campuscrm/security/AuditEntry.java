package io.campuscrm.security;

import java.time.Instant;
import java.util.Locale;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditSummary;

/**
 * One line of the audit log.
 *
 * @param summary        the summary in English, as written when it happened (what search and exports read)
 * @param summaryMessage the summary as a message, to be read in any language; null on lines written before V27,
 *                       which only have their English summary
 */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String entityType,
        @Nullable String entityId, String summary, @Nullable AuditSummary summaryMessage, @Nullable String details) {

    /**
     * The summary in the language {@code messages} translates into (a screen's {@code getTranslation}), its dates as
     * {@code locale} writes them, or the English one of a line that has no message.
     */
    public String summaryIn(BiFunction<String, Object[], String> messages, Locale locale) {
        return summaryMessage == null ? summary : summaryMessage.render(messages, locale);
    }
}
