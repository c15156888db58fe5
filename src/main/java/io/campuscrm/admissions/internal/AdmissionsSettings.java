package io.campuscrm.admissions.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/** The admissions module's settings: the public form's limits and what it sends. */
@Configuration
public class AdmissionsSettings {

    /** How many inquiries one address may send through the public form in an hour; more are refused for a while. */
    public static final Setting<Integer> INQUIRIES_PER_ADDRESS = Setting.integer("admissions",
            "inquiries-per-address-per-hour", 10, 1, 1000);
    /** The same inquiry again within this time makes no second lead (a double click, a reload). */
    public static final Setting<Duration> RESUBMISSION_WINDOW = Setting.duration("admissions",
            "resubmission-window", Duration.ofMinutes(10), Duration.ZERO, Duration.ofDays(1));
    /** Whether a guardian who gives an e-mail on the form gets a confirmation. */
    public static final Setting<Boolean> CONFIRMATION_EMAIL = Setting.bool("admissions", "confirmation-email", true);
    /**
     * Which sites may show the form in a frame: a CSP {@code frame-ancestors} source list ({@code *} any; or the
     * school's sites, e.g. {@code https://www.example.edu.sg}).
     */
    public static final Setting<String> FRAME_ANCESTORS = Setting.text("admissions", "inquiry-frame-ancestors", "*",
            500);

    @Bean
    SettingsDeclaration admissionsSettingsDeclaration() {
        return () -> List.of(INQUIRIES_PER_ADDRESS, RESUBMISSION_WINDOW, CONFIRMATION_EMAIL, FRAME_ANCESTORS);
    }
}
