package io.campuscrm.attendance.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

import io.campuscrm.attendance.AttendanceAlerts;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;

/** Finance's card: lessons attended without a package to pay for them, and the list of them. */
@Component
class OwingDashboardCard implements DashboardCard {

    private final AttendanceAlerts alerts;
    private final CurrentUser currentUser;

    OwingDashboardCard(AttendanceAlerts alerts, CurrentUser currentUser) {
        this.alerts = alerts;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 120;
    }

    /** The administrator has the owed lessons on the alerts card already. */
    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.FINANCE) && !currentUser.hasRole(Role.ADMIN);
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        var ui = UI.getCurrent();
        var open = Card.link(ui.getTranslation("dashboard.owing.open"), AlertTab.OWING.address());
        open.setId("owing-card-open");
        var card = new Card(ui.getTranslation("dashboard.owing.title"),
                AlertsDashboardCard.figure(alerts.owedCount()), ui.getTranslation("dashboard.owing.caption"), open);
        card.setId("owing-card");
        return card;
    }
}
