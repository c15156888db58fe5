package io.campuscrm.security;

import java.util.Collection;
import java.util.Set;

import io.campuscrm.shared.security.Role;

/**
 * An enabled user who may be handed work (a lead to follow up), as the office sees them: their roles and the
 * campuses they work at (none: all campuses).
 */
public record Assignee(long id, String username, String displayName, Set<Role> roles, Set<Long> campusIds) {

    public Assignee {
        roles = Set.copyOf(roles);
        campusIds = Set.copyOf(campusIds);
    }

    /** The same rule as {@link UserService#worksAt}: one of these roles, and the campus among theirs. */
    public boolean worksAt(long campusId, Collection<Role> anyOf) {
        return roles.stream().anyMatch(anyOf::contains) && (campusIds.isEmpty() || campusIds.contains(campusId));
    }
}
