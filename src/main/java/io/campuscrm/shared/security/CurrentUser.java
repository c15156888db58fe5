package io.campuscrm.shared.security;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user of the current request or job, and what they may reach. */
@Component
public class CurrentUser {

    private static final Set<Role> OFFICE = Set.of(Role.ADMIN, Role.ADMISSIONS, Role.FINANCE);

    /**
     * The one rule of access scope, deny by default: see {@link AccessScope}. The system is recognised by its own
     * authority, never by the absence of a user.
     */
    public AccessScope scope() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return AccessScope.NOTHING;
        }
        if (SystemAuthentication.isSystem(auth)) {
            return AccessScope.EVERYTHING;
        }
        if (!(auth.getPrincipal() instanceof CampusPrincipal user)) {
            return AccessScope.NOTHING;
        }
        return scopeOf(user);
    }

    /** The rule itself, apart from Spring Security. */
    public static AccessScope scopeOf(CampusPrincipal user) {
        if (user.roles().stream().anyMatch(OFFICE::contains)) {
            return AccessScope.campuses(user.campusIds());
        }
        if (user.roles().contains(Role.TEACHER)) {
            return AccessScope.classesTaughtBy(user.userId());
        }
        return AccessScope.NOTHING;
    }

    public Optional<CampusPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CampusPrincipal p ? Optional.of(p) : Optional.empty();
    }

    public String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }

    public boolean hasRole(Role role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
    }
}
