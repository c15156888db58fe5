package io.campuscrm.security.ui;

import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;
import io.campuscrm.shared.ui.Notifications;

/**
 * Everyone's card: which roles and campuses this account has, and where to change the password; for those who own
 * leads, whether they get the daily e-mail of their due follow-ups (saved as soon as it is ticked).
 */
@Component
class MyAccountDashboardCard implements DashboardCard {

    private final CurrentUser currentUser;
    private final InstitutionService institution;
    private final UserService users;

    MyAccountDashboardCard(CurrentUser currentUser, InstitutionService institution, UserService users) {
        this.currentUser = currentUser;
        this.institution = institution;
        this.users = users;
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
        var card = new Card(ui.getTranslation("dashboard.account.title"), roles,
                ui.getTranslation("dashboard.account.caption", campuses), password);
        if (currentUser.hasRole(Role.ADMISSIONS) || currentUser.hasRole(Role.ADMIN)) {
            card.add(digest(ui));
        }
        card.setId("account-card");
        return card;
    }

    private Checkbox digest(UI ui) {
        var digest = new Checkbox(ui.getTranslation("account.digest.label"), users.ownFollowUpDigest());
        digest.setHelperText(ui.getTranslation("account.digest.help"));
        digest.setId("account-digest");
        digest.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                users.changeOwnFollowUpDigest(e.getValue());
                Notifications.success(ui.getTranslation(e.getValue() ? "account.digest.on" : "account.digest.off"));
            }
        });
        return digest;
    }
}
