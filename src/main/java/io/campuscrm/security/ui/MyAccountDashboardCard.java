package io.campuscrm.security.ui;

import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;

/** Everyone's card: which roles and campuses this account has, and where to change the password. */
@Component
class MyAccountDashboardCard implements DashboardCard {

    private final CurrentUser currentUser;
    private final InstitutionService institution;

    MyAccountDashboardCard(CurrentUser currentUser, InstitutionService institution) {
        this.currentUser = currentUser;
        this.institution = institution;
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.principal().isPresent();
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        var ui = UI.getCurrent();
        CampusPrincipal me = currentUser.principal().orElseThrow();
        String separator = Lists.separator(ui.getLocale());
        String roles = me.roles().stream().map(r -> ui.getTranslation(r.messageKey())).sorted()
                .collect(Collectors.joining(separator));
        String campuses = me.campusIds().isEmpty() ? ui.getTranslation("report.users.all-campuses")
                : institution.campusesById(me.campusIds()).values().stream().map(Campus::name).sorted()
                        .collect(Collectors.joining(separator));
        var password = Card.link(ui.getTranslation("user-menu.change-password"), "account/password");
        return new Card(ui.getTranslation("dashboard.account.title"), roles,
                ui.getTranslation("dashboard.account.caption", campuses), password);
    }
}
