package io.campuscrm.platform.ui;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;

import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.DashboardCard;
import io.campuscrm.shared.ui.SetupStep;

/**
 * The administrators' set-up checklist for a new school: the {@link SetupStep}s the modules contribute, each done or
 * not with a link to the screen that does it, the ones left first; "Set-up complete" once every step is done.
 */
@Component
class SetupChecklistCard implements DashboardCard {

    private final List<SetupStep> steps;
    private final CurrentUser currentUser;

    SetupChecklistCard(List<SetupStep> steps, CurrentUser currentUser) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(SetupStep::order)).toList();
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.ADMIN) && !steps.isEmpty();
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        var ui = UI.getCurrent();
        var card = new Div();
        card.addClassNames("dashboard-card", "setup-checklist");
        card.setId("setup-card");
        card.add(new H3(ui.getTranslation("dashboard.setup.title")));
        var list = new UnorderedList();
        list.addClassName("setup-steps");
        long left = 0;
        for (SetupStep step : steps) {
            boolean done = step.done();
            left += done ? 0 : 1;
            list.add(item(ui, step, done));
        }
        var summary = new Span(left == 0 ? ui.getTranslation("dashboard.setup.complete")
                : ui.getTranslation("dashboard.setup.left", left, steps.size()));
        summary.addClassName("card-caption");
        summary.setId("setup-summary");
        card.add(summary);
        if (left > 0) {
            card.add(list);
        }
        return card;
    }

    private static ListItem item(UI ui, SetupStep step, boolean done) {
        var icon = (done ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.CIRCLE_THIN).create();
        icon.addClassName("setup-icon");
        var link = new Anchor(step.route(), ui.getTranslation(step.labelKey()));
        // Vaadin's router follows the link without reloading the page
        link.getElement().setAttribute("router-link", true);
        var state = new Span(ui.getTranslation(done ? "dashboard.setup.done" : "dashboard.setup.to-do"));
        state.addClassName("setup-state");
        var item = new ListItem(icon, link, state);
        item.addClassName(done ? "setup-done" : "setup-to-do");
        item.setId(step.labelKey().replace('.', '-'));
        return item;
    }
}
