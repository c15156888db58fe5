package io.campuscrm.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator enters for a user; the username cannot change after creation. No language means the
 * institution's.
 */
public record UserDraft(
        @NotBlank @Size(min = 3, max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 254) String email,
        @NotEmpty Set<Role> roles,
        Set<Long> campusIds,
        @Nullable Language language) {

    /**
     * A user who reads the product in the institution's language. (A static method, not a constructor: the user form's
     * binder builds the draft with the record's first declared constructor, which must be the canonical one.)
     */
    public static UserDraft of(String username, String displayName, String email, Set<Role> roles,
            Set<Long> campusIds) {
        return new UserDraft(username, displayName, email, roles, campusIds, null);
    }
}
