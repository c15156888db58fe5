package io.campuscrm.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and password settings ({@code campuscrm.security.*}). The lockout and password limits are the defaults of
 * the settings {@link SecurityLimits} declares, which an administrator may override; read them there.
 *
 * @param maxFailedLogins         failed logins in a row that lock an account
 * @param lockoutDuration         how long a locked account stays locked
 * @param minPasswordLength       the shortest password accepted
 * @param initialAdminUsername    the first administrator created on an empty database
 * @param initialAdminPassword    their password; generated and logged once when empty
 */
@ConfigurationProperties("campuscrm.security")
public record SecuritySettings(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockoutDuration,
        @DefaultValue("10") int minPasswordLength,
        @DefaultValue("admin") String initialAdminUsername,
        @DefaultValue("") String initialAdminPassword) {
}
