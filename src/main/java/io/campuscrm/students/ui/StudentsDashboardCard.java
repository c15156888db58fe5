package io.campuscrm.students.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentStats;
import io.campuscrm.students.StudentStatus;

/** Admissions' and administrators' card: active students, new this month, and how many are paused. */
@Component
class StudentsDashboardCard implements DashboardCard {

    private final StudentSearch students;
    private final CurrentUser currentUser;

    StudentsDashboardCard(StudentSearch students, CurrentUser currentUser) {
        this.students = students;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.ADMISSIONS);
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        StudentStats stats = students.stats();
        var ui = UI.getCurrent();
        var open = Card.link(ui.getTranslation("dashboard.students.open"), StudentNavigation.LIST);
        var card = new Card(ui.getTranslation("dashboard.students.title"),
                Card.count(stats.count(StudentStatus.ACTIVE)),
                ui.getTranslation("dashboard.students.caption", stats.newThisMonth(),
                        stats.count(StudentStatus.PAUSED), stats.count(StudentStatus.GRADUATED),
                        stats.count(StudentStatus.WITHDRAWN)), open);
        card.setId("students-card");
        return card;
    }
}
