package io.campuscrm.shared.domain;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A rule of the domain refused the request. The message key and its arguments go through i18n in the UI;
 * {@link #field()} names the form field to show it on, when there is one.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;
    private final @Nullable String field;

    public DomainException(@Nullable String field, String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public @Nullable String field() {
        return field;
    }
}
