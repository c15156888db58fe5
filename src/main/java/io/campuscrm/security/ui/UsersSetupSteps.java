package io.campuscrm.security.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.security.UserService;
import io.campuscrm.shared.ui.SetupStep;

/** The set-up checklist's step of this module: staff accounts with their roles, besides the first administrator. */
@Configuration(proxyBeanMethods = false)
class UsersSetupSteps {

    @Bean
    SetupStep usersStep(UserService users) {
        return SetupStep.of(50, "setup.step.users", "admin/users", () -> users.activeCount() > 1);
    }
}
