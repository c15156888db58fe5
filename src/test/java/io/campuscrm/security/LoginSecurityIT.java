package io.campuscrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.Explain;
import io.campuscrm.support.SqlRecorder;

/** Sign-in through the real authentication stack: lockout after five failures, disabled users, the audit trail. */
@CampusIntegrationTest
class LoginSecurityIT {

    private static final String PASSWORD = "correct horse battery";
    /** A statement that finds the user by name: "where u1_0.username=?" and the like. */
    private static final Pattern BY_USERNAME = Pattern.compile("where\\s+(\\w+\\.)?username\\s*=\\s*\\?");

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;
    @Autowired
    UserService users;
    @Autowired
    AuditLogService auditLog;
    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    AuthenticationManager authentication;
    String username;
    long userId;

    @BeforeEach
    void createUser() throws Exception {
        authentication = authenticationConfiguration.getAuthenticationManager();
        username = "login-" + UUID.randomUUID().toString().substring(0, 8);
        userId = SystemAuthentication.call(() -> users.create(
                UserDraft.of(username, "Login Tester", "", Set.of(Role.TEACHER), Set.of()), PASSWORD)).id();
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

    @Test
    void a_differently_cased_username_signs_in_as_the_same_user() {
        var result = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                username.toUpperCase(Locale.ROOT), PASSWORD));

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(((CampusPrincipal) result.getPrincipal()).userId()).isEqualTo(userId);
        assertThat(result.getName()).isEqualTo(username);
        assertThat(account().lastLoginAt()).isCloseTo(clock.instant(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void failures_under_a_differently_cased_username_count_towards_the_lockout() {
        for (int i = 0; i < 5; i++) {
            String typed = i % 2 == 0 ? username.toUpperCase(Locale.ROOT) : capitalised(username);
            assertThatThrownBy(() -> authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    typed, "wrong password"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn(PASSWORD)).isInstanceOf(LockedException.class);
        assertThat(account().lockedUntil()).isAfter(clock.instant());
    }

    @Test
    void sign_in_reads_and_updates_the_user_through_the_unique_username_index() throws Exception {
        String typed = username.toUpperCase(Locale.ROOT);
        List<String> statements = new ArrayList<>(SqlRecorder.statementsOf(() -> assertThatThrownBy(
                () -> authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(typed, "nope")))
                .isInstanceOf(BadCredentialsException.class)));
        statements.addAll(SqlRecorder.statementsOf(() -> authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(typed, PASSWORD))));

        var byUsername = statements.stream().filter(sql -> BY_USERNAME.matcher(sql).find()).toList();
        // the failure: user read, count incremented, count read; the success: user read, login recorded
        assertThat(byUsername).as(String.join("\n", statements)).hasSizeGreaterThanOrEqualTo(5)
                .anyMatch(sql -> sql.startsWith("update")).anyMatch(sql -> sql.startsWith("select"));
        for (String sql : byUsername) {
            // the username is the last parameter; any before it are times (locked until, last login)
            Object[] parameters = new Object[(int) sql.chars().filter(c -> c == '?').count()];
            Arrays.fill(parameters, Timestamp.from(clock.instant()));
            parameters[parameters.length - 1] = typed;
            assertThat(Explain.of(jdbc, sql, parameters)).as(sql).singleElement()
                    .satisfies(step -> assertThat(step.key()).isEqualTo("uk_app_user_username"));
        }
    }

    @Test
    void the_username_column_ignores_case_and_accents_whatever_the_servers_default() {
        assertThat(jdbc.queryForObject("SELECT collation_name FROM information_schema.columns WHERE table_schema = "
                + "DATABASE() AND table_name = 'app_user' AND column_name = 'username'", String.class))
                .isEqualTo("utf8mb4_uca1400_ai_ci");
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private org.springframework.security.core.Authentication signIn(String password) {
        return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private UserAccount account() {
        return SystemAuthentication.call(() -> users.get(userId));
    }
}
