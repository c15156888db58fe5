package io.campuscrm.shared.i18n;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * The language a signed-in user switched to in this session (null: back to the institution's), kept in the Vaadin
 * session so that every screen opened afterwards, and a reload, uses it without signing in again. Before a switch
 * the language comes from the account as it was at sign-in.
 */
public record ChosenLanguage(@Nullable Language language) implements Serializable {
}
