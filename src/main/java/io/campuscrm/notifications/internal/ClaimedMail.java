package io.campuscrm.notifications.internal;

import org.jspecify.annotations.Nullable;

/** A message a sender run holds, with what it needs to send it. */
public interface ClaimedMail {

    long getId();

    String getRecipient();

    @Nullable String getRecipientName();

    String getSubject();

    String getBodyText();

    String getBodyHtml();

    /** The Message-ID header fixed when the message was written. */
    String getMessageId();

    /** Attempts so far, this one included. */
    int getAttempts();
}
