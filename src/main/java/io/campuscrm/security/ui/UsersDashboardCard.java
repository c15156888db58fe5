package io.campuscrm.security.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;

/** The administrator's card: active users, and how many are locked out right now. */
@Component
class UsersDashboardCard implements DashboardCard {

    private final UserService users;
    private final CurrentUser currentUser;

    UsersDashboardCard(UserService users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.ADMIN);
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        var stats = users.stats();
        var ui = UI.getCurrent();
        var open = Card.link(ui.getTranslation("dashboard.users.open"), "admin/users");
        return new Card(ui.getTranslation("dashboard.users.title"), Card.count(stats.active()),
                ui.getTranslation("dashboard.users.caption", stats.locked(), stats.disabled()), open);
    }
}
