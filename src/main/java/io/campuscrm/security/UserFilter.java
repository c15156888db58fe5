package io.campuscrm.security;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.security.Role;

/** Filters of the user list; null means any. */
public record UserFilter(@Nullable String text, @Nullable Role role, @Nullable Boolean enabled) {

    public static UserFilter all() {
        return new UserFilter(null, null, null);
    }
}
