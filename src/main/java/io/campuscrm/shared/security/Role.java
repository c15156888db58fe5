package io.campuscrm.shared.security;

/**
 * What a user may do; a user may hold several roles. In {@code @PreAuthorize} and {@code @RolesAllowed} they
 * appear by name ({@code hasRole('ADMIN')}).
 */
public enum Role {
    ADMIN, ADMISSIONS, TEACHER, FINANCE;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The i18n key of the role's name. */
    public String messageKey() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
