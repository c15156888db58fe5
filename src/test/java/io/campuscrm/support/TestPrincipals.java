package io.campuscrm.support;

import java.util.Set;

import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.Role;

/** Signed-in users for unit tests of access rules, without a database. */
public final class TestPrincipals {

    private TestPrincipals() {
    }

    /** User {@code id} ("u7", "User 7") with these campuses (empty: all) and roles. */
    public static CampusPrincipal user(long id, Set<Long> campuses, Role... roles) {
        return new CampusPrincipal() {
            public long userId() {
                return id;
            }

            public String username() {
                return "u" + id;
            }

            public String displayName() {
                return "User " + id;
            }

            public Set<Role> roles() {
                return Set.of(roles);
            }

            public Set<Long> campusIds() {
                return campuses;
            }
        };
    }
}
