package io.campuscrm.shared.domain;

import org.jspecify.annotations.Nullable;

/**
 * The record asked for does not exist, or is outside what the user may reach: the two answer the same, so the answer
 * never tells that a record the user may not see exists. A view navigated to with such an id shows the "not found"
 * view; an action shows the message.
 */
public class NotFoundException extends DomainException {

    public static final String MESSAGE_KEY = "error.not-found";

    public NotFoundException() {
        this(null);
    }

    /** @param field the form field whose value named the missing record */
    public NotFoundException(@Nullable String field) {
        super(field, MESSAGE_KEY);
    }
}
