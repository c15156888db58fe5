package io.campuscrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/** Sign-in through the real authentication stack: lockout after five failures, disabled users, the audit trail. */
@CampusIntegrationTest
class LoginSecurityIT {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;
    @Autowired
    UserService users;
    @Autowired
    AuditLogService auditLog;
    @Autowired
    Clock clock;

    AuthenticationManager authentication;
    String username;
    long userId;

    @BeforeEach
    void createUser() throws Exception {
        authentication = authenticationConfiguration.getAuthenticationManager();
        username = "login-" + UUID.randomUUID().toString().substring(0, 8);
        userId = SystemAuthentication.call(() -> users.create(
                new UserDraft(username, "Login Tester", "", Set.of(Role.TEACHER), Set.of()), PASSWORD)).id();
    }

    @Test
    void the_right_password_signs_in_and_records_the_time() {
        var result = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, PASSWORD));
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(((CampusPrincipal) result.getPrincipal()).roles()).containsExactly(Role.TEACHER);
        assertThat(account().lastLoginAt()).isCloseTo(clock.instant(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void five_failed_sign_ins_lock_the_account_for_fifteen_minutes_even_for_the_right_password() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("wrong password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn(PASSWORD)).isInstanceOf(LockedException.class);
        assertThat(account().lockedUntil()).isCloseTo(clock.instant().plus(Duration.ofMinutes(15)),
                within(1, ChronoUnit.MINUTES));
        var actions = SystemAuthentication.call(() -> auditLog.search(
                new AuditFilter(username, null, null, null, null, null), PageRequest.of(0, 20)))
                .map(AuditEntry::action).toList();
        assertThat(actions).contains(AuditAction.LOCKED).filteredOn(a -> a == AuditAction.LOGIN_FAILED).hasSize(5);
    }

    @Test
    void four_failures_then_a_success_reset_the_count() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn("nope")).isInstanceOf(BadCredentialsException.class);
        }
        signIn(PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn("nope")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(signIn(PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void an_administrator_unlocks_a_locked_account() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("nope")).isInstanceOf(BadCredentialsException.class);
        }
        SystemAuthentication.run(() -> users.unlock(userId));
        assertThat(signIn(PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void a_disabled_user_cannot_sign_in() {
        SystemAuthentication.run(() -> users.setEnabled(userId, false));
        assertThatThrownBy(() -> signIn(PASSWORD)).isInstanceOf(DisabledException.class);
    }

    private org.springframework.security.core.Authentication signIn(String password) {
        return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private UserAccount account() {
        return SystemAuthentication.call(() -> users.get(userId));
    }
}
