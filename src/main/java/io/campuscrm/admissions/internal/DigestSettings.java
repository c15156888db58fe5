package io.campuscrm.admissions.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/**
 * The settings of the daily e-mail of due follow-ups (job {@code admissions.follow-up-digest}, decision 0072): when
 * it goes out, in the school's time zone, and whether it does at all. Who gets it is each user's own choice.
 */
@Configuration
public class DigestSettings {

    /** Before the office opens: the day's follow-ups are waiting in the inbox. */
    public static final Setting<String> SCHEDULE = Setting.cron("admissions", "digest-schedule", "0 0 7 * * *");
    public static final Setting<Boolean> ENABLED = Setting.bool("admissions", "digest-enabled", true);

    @Bean
    SettingsDeclaration digestSettingsDeclaration() {
        return () -> List.of(SCHEDULE, ENABLED);
    }
}
