package io.campuscrm.security.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.Role;

/** The signed-in user: Spring Security's {@link User} (equal by username) with Campus CRM's facts. */
public class CampusUserPrincipal extends User implements CampusPrincipal {

    private final long userId;
    private final String displayName;
    private final Set<Role> roles;
    private final Set<Long> campusIds;
    private final @Nullable Language language;

    CampusUserPrincipal(UserEntity user, Instant now) {
        super(user.getUsername(), user.getPasswordHash(), user.isEnabled(), true, true,
                user.getLockedUntil() == null || !user.getLockedUntil().isAfter(now),
                user.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.userId = user.getId();
        this.displayName = user.getDisplayName();
        this.roles = user.getRoles().isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(user.getRoles()));
        this.campusIds = Set.copyOf(user.getCampusIds());
        this.language = user.getLanguage();
    }

    @Override
    public @Nullable Language language() {
        return language;
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public String username() {
        return getUsername();
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    @Override
    public Set<Long> campusIds() {
        return campusIds;
    }
}
