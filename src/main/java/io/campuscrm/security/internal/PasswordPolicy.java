package io.campuscrm.security.internal;

import org.springframework.stereotype.Component;

import io.campuscrm.shared.domain.DomainException;

/** Long passphrases over composition rules (NIST SP 800-63B): a minimum length, and not the username. */
@Component
public class PasswordPolicy {

    private final SecurityLimits settings;

    PasswordPolicy(SecurityLimits settings) {
        this.settings = settings;
    }

    public void check(String username, String password) {
        if (password == null || password.length() < settings.minPasswordLength()) {
            throw new DomainException("password", "user.error.password-too-short", settings.minPasswordLength());
        }
        if (password.equalsIgnoreCase(username)) {
            throw new DomainException("password", "user.error.password-is-username");
        }
    }

    public int minLength() {
        return settings.minPasswordLength();
    }
}
