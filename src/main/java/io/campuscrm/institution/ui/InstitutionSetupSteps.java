package io.campuscrm.institution.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.SettingsService;
import io.campuscrm.shared.ui.SetupStep;

/**
 * The set-up checklist's steps of this module: a campus (the first step of all), and the module settings reviewed,
 * which counts as done once any setting differs from its default.
 */
@Configuration(proxyBeanMethods = false)
class InstitutionSetupSteps {

    @Bean
    SetupStep campusesStep(InstitutionService institution) {
        return SetupStep.of(10, "setup.step.campuses", "admin/settings", () -> !institution.campuses().isEmpty());
    }

    @Bean
    SetupStep settingsStep(SettingsService settings) {
        return SetupStep.of(70, "setup.step.settings", ModuleSettingsView.ROUTE, () -> settings.overrides() > 0);
    }
}
