package io.campuscrm.scheduling.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

import io.campuscrm.scheduling.DaySessions;
import io.campuscrm.scheduling.SchedulingNavigation;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;

/** The administrator's card of today: sessions across every campus and how many are cancelled; opens the timetable. */
@Component
class TodayDashboardCard implements DashboardCard {

    private final TimetableService timetables;
    private final CurrentUser currentUser;

    TodayDashboardCard(TimetableService timetables, CurrentUser currentUser) {
        this.timetables = timetables;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.ADMIN);
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        var ui = UI.getCurrent();
        DaySessions today = timetables.today();
        var open = Card.link(ui.getTranslation("dashboard.today.open"), SchedulingNavigation.TIMETABLE);
        open.setId("today-card-open");
        var card = new Card(ui.getTranslation("dashboard.today.title"),
                Card.count(today.scheduled()),
                ui.getTranslation("dashboard.today.caption", today.cancelled()), open);
        card.setId("today-card");
        return card;
    }
}
