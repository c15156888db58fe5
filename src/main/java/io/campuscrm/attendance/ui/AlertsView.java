package io.campuscrm.attendance.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import io.campuscrm.attendance.AttendanceAlerts;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.DetailTabs;
import io.campuscrm.shared.ui.LocalizedTitle;

import jakarta.annotation.security.RolesAllowed;

/**
 * The alert lists, a tab each: for the office, students absent several times in a row, attending too little,
 * running low on lessons, and packages about to expire; for finance, the lessons owed. Each list loads page by page
 * as it is scrolled; a student's name opens their file.
 */
@Route(AlertTab.ROUTE + "/:tab?")
@Menu(title = "nav.attendance-alerts", order = 26, icon = "vaadin:bell")
@RolesAllowed({"ADMIN", "ADMISSIONS", "FINANCE"})
class AlertsView extends VerticalLayout implements BeforeEnterObserver, LocalizedTitle {

    private final DetailTabs tabs;
    private @Nullable String first;

    AlertsView(AttendanceAlerts alerts, InstitutionService institution, CurrentUser currentUser) {
        setSizeFull();
        boolean office = currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.ADMISSIONS);
        boolean finance = currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.FINANCE);
        var grids = new AlertGrids(this, alerts, alerts.criteria(), new AlertFormat(this,
                institution.settings().currency()));
        tabs = new DetailTabs(getTranslation("attendance.alerts.tabs"), key -> key.equals(first) ? AlertTab.ROUTE
                : AlertTab.ROUTE + "/" + key);
        tabs.setId("alert-tabs");
        if (office) {
            add(AlertTab.ABSENCES, grids::absences);
            add(AlertTab.LOW_RATE, grids::lowRates);
            add(AlertTab.LOW_BALANCE, grids::lowBalances);
            add(AlertTab.EXPIRING, grids::expiring);
        }
        if (finance) {
            add(AlertTab.OWING, grids::owed);
        }
        add(tabs);
    }

    private void add(AlertTab tab, SerializableSupplier<Component> content) {
        if (first == null) {
            first = tab.key();
        }
        tabs.add(tab.key(), getTranslation(tab.titleKey()), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // an unknown tab, or one the reader does not have, opens the first
        tabs.select(event.getRouteParameters().get("tab").orElse(first == null ? "" : first));
    }

    @Override
    public String titleKey() {
        return "nav.attendance-alerts";
    }
}
