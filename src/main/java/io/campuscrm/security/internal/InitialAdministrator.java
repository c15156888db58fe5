package io.campuscrm.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.campuscrm.shared.security.Role;

/**
 * On the first start of an empty database (outside demo mode) creates the first administrator. The password
 * comes from {@code CAMPUSCRM_ADMIN_PASSWORD}, or is generated and logged this once.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "campuscrm.demo.enabled", havingValue = "false", matchIfMissing = true)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final SecuritySettings settings;
    private final Clock clock;

    InitialAdministrator(UserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
            SecuritySettings settings, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String username = settings.initialAdminUsername();
        boolean generated = !StringUtils.hasText(settings.initialAdminPassword());
        String password = generated ? generatePassword() : settings.initialAdminPassword();
        passwordPolicy.check(username, password);
        var admin = new UserEntity(username, passwordEncoder.encode(password), clock.instant());
        admin.apply(io.campuscrm.security.UserDraft.of(username, "Administrator", "", Set.of(Role.ADMIN), Set.of()));
        users.save(admin);
        if (generated) {
            log.warn("""

                    ================================================================
                     First start: created the administrator '{}' with password
                         {}
                     This is shown once. Sign in and change it (user menu).
                    ================================================================""", username, password);
        } else {
            log.info("First start: created the administrator '{}' with the password from CAMPUSCRM_ADMIN_PASSWORD",
                    username);
        }
    }

    private static String generatePassword() {
        var random = new SecureRandom();
        var sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
