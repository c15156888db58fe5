package io.campuscrm.admissions.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/** The settings of trial lessons (decision 0077). */
@Configuration
public class TrialSettings {

    /** How many trial lessons one lead may have (cancelled ones do not count); a campus may have its own. */
    public static final Setting<Integer> TRIALS_PER_LEAD = Setting.integer("admissions", "trials-per-lead", 2, 1, 10)
            .perCampus();

    @Bean
    SettingsDeclaration trialSettingsDeclaration() {
        return () -> List.of(TRIALS_PER_LEAD);
    }
}
