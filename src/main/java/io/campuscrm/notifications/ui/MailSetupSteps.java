package io.campuscrm.notifications.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.notifications.MailAdministration;
import io.campuscrm.shared.ui.SetupStep;

/** The set-up checklist's step of this module: a mail server configured (no query: it is configuration). */
@Configuration(proxyBeanMethods = false)
class MailSetupSteps {

    @Bean
    SetupStep mailConfiguredStep(MailAdministration mail) {
        return SetupStep.of(60, "setup.step.mail", "admin/mail", () -> mail.configuration().on());
    }
}
