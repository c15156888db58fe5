package io.campuscrm.security;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;

/** A user as the administration sees it (never the password hash). */
public record UserAccount(long id, String username, String displayName, String email, Set<Role> roles,
        Set<Long> campusIds, boolean enabled, @Nullable Instant lockedUntil, @Nullable Instant lastLoginAt,
        long version, @Nullable Language language) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The account's fields as the user form edits them. */
    public UserDraft toDraft() {
        return new UserDraft(username, displayName, email, roles, campusIds, language);
    }
}
