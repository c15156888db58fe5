package io.campuscrm.security.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import io.campuscrm.institution.Settings;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/**
 * The security module's settings, which an administrator may change at run time: the lockout after failed sign-ins
 * and the shortest password. Their defaults are the {@code campuscrm.security.*} properties ({@link SecuritySettings}).
 */
@Component
public class SecurityLimits implements SettingsDeclaration {

    private final Setting<Integer> maxFailedLogins;
    private final Setting<Duration> lockoutDuration;
    private final Setting<Integer> minPasswordLength;
    private final Settings settings;

    SecurityLimits(SecuritySettings defaults, Settings settings) {
        this.maxFailedLogins = Setting.integer("security", "max-failed-logins", defaults.maxFailedLogins(), 3,
                20);
        this.lockoutDuration = Setting.duration("security", "lockout-duration", defaults.lockoutDuration(),
                Duration.ofMinutes(1), Duration.ofHours(24));
        this.minPasswordLength = Setting.integer("security", "min-password-length", defaults.minPasswordLength(), 8,
                64);
        this.settings = settings;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(maxFailedLogins, lockoutDuration, minPasswordLength);
    }

    /** Failed sign-ins in a row that lock an account. */
    public int maxFailedLogins() {
        return settings.get(maxFailedLogins);
    }

    /** How long a locked account stays locked. */
    public Duration lockoutDuration() {
        return settings.get(lockoutDuration);
    }

    /** The shortest password accepted. */
    public int minPasswordLength() {
        return settings.get(minPasswordLength);
    }
}
