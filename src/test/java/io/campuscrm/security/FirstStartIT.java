package io.campuscrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import io.campuscrm.CampusCrmApplication;

/**
 * The first start of an empty production database (no demo profile): the first administrator's password is
 * generated and printed once, and it works; a second start prints nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartIT {

    private static final Pattern PASSWORD = Pattern.compile("created the administrator 'admin' with password\\s+(\\S+)");

    /**
     * Each application start installs its own (Vaadin-aware) context holder strategy in the static
     * {@link SecurityContextHolder}; the shared test application's method security keeps reading the one it started
     * with, so later tests' users would be invisible to it unless the strategy is put back.
     */
    private SecurityContextHolderStrategy strategyBefore;

    @BeforeEach
    void rememberStrategy() {
        strategyBefore = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterEach
    void restoreStrategy() {
        SecurityContextHolder.setContextHolderStrategy(strategyBefore);
    }

    @Test
    void an_empty_database_gets_one_administrator_whose_generated_password_is_printed_once(CapturedOutput output)
            throws Exception {
        String dataDir = "target/first-start-it/" + UUID.randomUUID();
        startTwice(dataDir, output);
    }

    private static void startTwice(String dataDir, CapturedOutput output) throws Exception {
        String password;
        try (var app = start(dataDir)) {
            var matcher = PASSWORD.matcher(output.getOut());
            assertThat(matcher.find()).as("the generated password is in the log").isTrue();
            password = matcher.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            var manager = app.getBean(AuthenticationConfiguration.class).getAuthenticationManager();
            assertThat(manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", password))
                    .isAuthenticated()).isTrue();
        }
        int printedBefore = output.getOut().length();
        try (var app = start(dataDir)) {
            assertThat(output.getOut().substring(printedBefore)).doesNotContain("created the administrator");
        }
    }

    private static ConfigurableApplicationContext start(String dataDir) {
        return SpringApplication.run(CampusCrmApplication.class, "--campuscrm.data-dir=" + dataDir,
                "--server.port=0", "--spring.main.banner-mode=off", "--campuscrm.security.initial-admin-password=",
                "--vaadin.devmode.devTools.enabled=false");
    }
}
