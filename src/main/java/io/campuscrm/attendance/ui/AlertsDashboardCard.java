package io.campuscrm.attendance.ui;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

import io.campuscrm.attendance.AttendanceAlert.Count;
import io.campuscrm.attendance.AttendanceAlerts;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;

/**
 * The office's card: students absent several times in a row as its figure, and a link with the count of each alert
 * list to its tab (the owed lessons too, for an administrator). Counts stop at {@value AttendanceAlerts#CAP}.
 */
@Component
class AlertsDashboardCard implements DashboardCard {

    private final AttendanceAlerts alerts;
    private final CurrentUser currentUser;

    AlertsDashboardCard(AttendanceAlerts alerts, CurrentUser currentUser) {
        this.alerts = alerts;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.ADMISSIONS);
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        var ui = UI.getCurrent();
        var counts = alerts.counts();
        List<Button> links = new ArrayList<>(List.of(
                link(ui, "dashboard.attendance-alerts.absences", counts.absenceStreaks(), AlertTab.ABSENCES),
                link(ui, "dashboard.attendance-alerts.low-rate", counts.lowRates(), AlertTab.LOW_RATE),
                link(ui, "dashboard.attendance-alerts.low-balance", counts.lowBalances(), AlertTab.LOW_BALANCE),
                link(ui, "dashboard.attendance-alerts.expiring", counts.expiringPackages(), AlertTab.EXPIRING)));
        if (currentUser.hasRole(Role.ADMIN)) {
            links.add(link(ui, "dashboard.attendance-alerts.owing", alerts.owedCount(), AlertTab.OWING));
        }
        var card = new Card(ui.getTranslation("dashboard.attendance-alerts.title"), figure(counts.absenceStreaks()),
                ui.getTranslation("dashboard.attendance-alerts.caption", alerts.criteria().consecutiveAbsences()),
                links.toArray(Button[]::new));
        card.setId("attendance-alerts-card");
        return card;
    }

    /** A count as the card writes it: 12, or 99+ when the list goes on. */
    static String figure(Count count) {
        return Card.count(count.count()) + (count.more() ? "+" : "");
    }

    private static Button link(UI ui, String key, Count count, AlertTab tab) {
        var link = Card.link(ui.getTranslation(key, figure(count)), tab.address());
        link.setId("attendance-alerts-card-" + tab.key());
        return link;
    }
}
