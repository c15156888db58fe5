package io.campuscrm.shared.ui;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.campuscrm.shared.security.CampusPrincipal;
import jakarta.annotation.security.PermitAll;

/** Home: a greeting and the cards the user's roles make relevant (modules contribute {@link DashboardCard}s). */
@Route("")
@Menu(title = "nav.dashboard", order = 0, icon = "vaadin:home")
@PermitAll
public class DashboardView extends VerticalLayout implements LocalizedTitle {

    DashboardView(List<DashboardCard> cards, AuthenticationContext authentication) {
        setId("dashboard");
        String name = authentication.getAuthenticatedUser(CampusPrincipal.class)
                .map(CampusPrincipal::displayName).orElse("");
        add(new H2(getTranslation("dashboard.greeting", name)));
        var grid = new Div();
        grid.addClassName("dashboard-cards");
        cards.stream()
                .filter(DashboardCard::visibleToCurrentUser)
                .sorted(Comparator.comparingInt(DashboardCard::order))
                .forEach(card -> grid.add(card.create()));
        if (grid.getChildren().findAny().isEmpty()) {
            grid.add(new Paragraph(getTranslation("dashboard.empty")));
        }
        add(grid);
    }

    @Override
    public String titleKey() {
        return "nav.dashboard";
    }
}
