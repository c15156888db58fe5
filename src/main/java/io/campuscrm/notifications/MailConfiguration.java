package io.campuscrm.notifications;

import org.jspecify.annotations.Nullable;

/**
 * The mail settings as the administrators' screen shows them, read only (they are Spring properties); never the
 * password.
 *
 * @param on       whether mail is sent at all: only when {@code spring.mail.host} is set
 * @param startTls whether the connection is upgraded with STARTTLS
 * @param from     the sender address ({@code campuscrm.mail.from})
 */
public record MailConfiguration(boolean on, @Nullable String host, @Nullable Integer port,
        @Nullable String username, boolean startTls, @Nullable String from) {
}
