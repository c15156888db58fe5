package io.campuscrm.security.internal;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads users for login from the database; a locked or disabled user is refused before the password check. */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;

    DatabaseUserDetailsService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username.strip())
                .map(user -> new CampusUserPrincipal(user, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
