package io.campuscrm.notifications.internal;

/** A message as it is sent: subject, plain text and HTML, in the language of {@code languageTag}. */
public record RenderedMail(String languageTag, String subject, String text, String html) {
}
