package io.campuscrm.admissions.ui;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import io.campuscrm.admissions.LeadFunnel;
import io.campuscrm.admissions.LeadReportService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;
import io.campuscrm.shared.ui.ReportsNavigation;

/**
 * This month's lead funnel of the user's campuses, as the lead funnel report draws it: a bar per stage as wide as
 * its share of the leads entered (plain styled elements, no chart library), with the count and the rate from the
 * stage before, and a link to the report for the month. One call of the service, one statement of figures.
 */
@Component
class LeadFunnelDashboardCard implements DashboardCard {

    /** The report this card opens (reporting's {@code LeadFunnelReport}). */
    static final String REPORT = "lead-funnel";
    private static final String[] COLOURS = {"#1F4E8C", "#2A64AD", "#3B7DC9", "#5596DB", "#2E8B57"};
    private static final String LOST_COLOUR = "#B5474B";

    private final LeadReportService reports;
    private final CurrentUser currentUser;

    LeadFunnelDashboardCard(LeadReportService reports, CurrentUser currentUser) {
        this.reports = reports;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 6;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.ADMISSIONS) || currentUser.hasRole(Role.ADMIN);
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        var ui = UI.getCurrent();
        var funnel = reports.funnelThisMonth();
        var total = funnel.total();
        var open = new Button(ui.getTranslation("leadreport.card.open"), e -> ReportsNavigation.open(REPORT,
                Map.of("from", funnel.from().toString(), "to", funnel.to().toString(), "by", "source")));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        open.setId("funnel-card-open");
        var card = new Card(ui.getTranslation("leadreport.card.title"), Card.count(total.leads()),
                ui.getTranslation("leadreport.card.caption"));
        card.setId("funnel-card");
        var bars = new UnorderedList();
        bars.setId("funnel-card-bars");
        bars.getStyle().set("list-style", "none").set("margin", "0").set("padding", "0").set("display", "flex")
                .set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
        long[] steps = total.steps();
        String[] keys = {"report.admissions.funnel.step.leads", "lead.stage.contacted", "lead.stage.trial-booked",
            "lead.stage.trial-attended", "lead.stage.enrolled"};
        for (int i = 0; i < steps.length; i++) {
            var rate = i == 0 ? null : LeadFunnel.rate(steps[i], steps[i - 1]);
            bars.add(bar(ui, "funnel-card-step-" + i, ui.getTranslation(keys[i]), steps[i], total.leads(),
                    COLOURS[i], rate));
        }
        bars.add(bar(ui, "funnel-card-lost", ui.getTranslation("lead.stage.lost"), total.lost(), total.leads(),
                LOST_COLOUR, null));
        card.add(bars, open);
        return card;
    }

    private static ListItem bar(UI ui, String id, String label, long count, long whole, String colour,
            java.math.@Nullable BigDecimal rate) {
        var name = new Span(label);
        var figure = new Span(Card.count(count));
        figure.getStyle().set("margin-inline-start", "auto").set("font-weight", "600");
        var heading = new Div(name, figure);
        heading.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)")
                .set("font-size", "var(--lumo-font-size-s)");
        if (rate != null) {
            var percent = NumberFormat.getPercentInstance(ui.getLocale());
            percent.setMaximumFractionDigits(1);
            var ofBefore = new Span(ui.getTranslation("leadreport.card.rate", percent.format(rate)));
            ofBefore.getStyle().set("color", "var(--lumo-secondary-text-color)");
            heading.addComponentAtIndex(1, ofBefore);
        }
        double share = whole == 0 ? 0 : Math.min(100, 100.0 * count / whole);
        var fill = new Div();
        fill.getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", share)).set("height", "100%")
                .set("background", colour).set("border-radius", "var(--lumo-border-radius-s)")
                .set("margin-inline", "auto");
        var track = new Div(fill);
        track.getStyle().set("height", "0.6rem").set("background", "var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-s)");
        // the figures are in the text beside it: the bar is only a picture of them
        track.getElement().setAttribute("aria-hidden", "true");
        var item = new ListItem(heading, track);
        item.setId(id);
        return item;
    }
}
