package io.campuscrm.shared.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.i18n.Language;

/** The signed-in user as every module sees it. */
public interface CampusPrincipal {

    long userId();

    String username();

    String displayName();

    Set<Role> roles();

    /** The campuses the user works at; empty means all campuses. */
    Set<Long> campusIds();

    /** The language the user chose to read the product in, as it was at sign-in; null: the institution's. */
    default @Nullable Language language() {
        return null;
    }
}
