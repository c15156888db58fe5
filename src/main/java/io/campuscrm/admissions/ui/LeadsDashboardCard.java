package io.campuscrm.admissions.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;

import io.campuscrm.admissions.LeadService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;

/**
 * The admissions user's card: their follow-ups due today, with links to what is overdue, to their leads without a
 * next step and to the new leads in the pool.
 */
@Component
class LeadsDashboardCard implements DashboardCard {

    private final LeadService leads;
    private final CurrentUser currentUser;

    LeadsDashboardCard(LeadService leads, CurrentUser currentUser) {
        this.leads = leads;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.ADMISSIONS);
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        var ui = UI.getCurrent();
        var work = leads.myWork();
        var overdue = link(ui, "dashboard.leads.overdue", work.overdue(), LeadsView.Show.OVERDUE);
        var without = link(ui, "dashboard.leads.without-next-step", work.withoutNextStep(),
                LeadsView.Show.NO_NEXT_STEP);
        var pool = link(ui, "dashboard.leads.pool", work.newInPool(), LeadsView.Show.POOL);
        var card = new Card(ui.getTranslation("dashboard.leads.title"), Card.count(work.dueToday()),
                ui.getTranslation("dashboard.leads.caption"), overdue, without, pool);
        card.setId("leads-card");
        return card;
    }

    private static com.vaadin.flow.component.button.Button link(UI ui, String key, long count, LeadsView.Show show) {
        var link = new com.vaadin.flow.component.button.Button(ui.getTranslation(key, Card.count(count)),
                e -> UI.getCurrent().navigate(LeadsView.ROUTE, QueryParameters.of("show", show.address())));
        link.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        link.setId("leads-card-" + show.address());
        return link;
    }
}
