package io.campuscrm.shared.security;

import java.util.Set;

/** The signed-in user as every module sees it. */
public interface CampusPrincipal {

    long userId();

    String username();

    String displayName();

    Set<Role> roles();

    /** The campuses the user works at; empty means all campuses. */
    Set<Long> campusIds();
}
