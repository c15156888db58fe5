package io.campuscrm.security.ui;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.ChosenLanguage;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.i18n.LanguageSwitch;

/** Saves the language on the user's account, keeps it for this session and reloads the screen in it. */
@Component
class AccountLanguageSwitch implements LanguageSwitch {

    private final UserService users;

    AccountLanguageSwitch(UserService users) {
        this.users = users;
    }

    @Override
    public void switchTo(@Nullable Language language) {
        users.changeOwnLanguage(language);
        VaadinSession.getCurrent().setAttribute(ChosenLanguage.class, new ChosenLanguage(language));
        // every text on the screen was made in the old language: the page is built again, the session stays
        UI.getCurrent().getPage().reload();
    }
}
