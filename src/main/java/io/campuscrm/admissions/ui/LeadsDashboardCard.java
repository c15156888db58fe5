package io.campuscrm.admissions.ui;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.QueryParameters;

import io.campuscrm.admissions.LeadDashboard;
import io.campuscrm.admissions.LeadDashboardService;
import io.campuscrm.admissions.LeadPoolService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.NextAction;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;

/**
 * The admissions user's card: their follow-ups due today as its figure, the first of those due (overdue ones after
 * today's) each opening its lead, links to what is overdue, to their leads without a next step and to the new leads
 * in the pool; then their open leads by stage, how quickly this week's inquiries were first contacted, and their leads
 * that go back to the pool soon for want of a follow-up. One call of the service, a fixed handful of statements.
 */
@Component
class LeadsDashboardCard implements DashboardCard {

    private final LeadDashboardService dashboard;
    private final LeadPoolService pool;
    private final CurrentUser currentUser;

    LeadsDashboardCard(LeadDashboardService dashboard, LeadPoolService pool, CurrentUser currentUser) {
        this.dashboard = dashboard;
        this.pool = pool;
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
        var mine = dashboard.mine();
        var work = mine.work();
        var card = new Card(ui.getTranslation("dashboard.leads.title"), Card.count(work.dueToday()),
                ui.getTranslation("dashboard.leads.caption"));
        card.setId("leads-card");
        if (!mine.due().isEmpty()) {
            card.add(dueList(ui, mine));
            if (work.dueToday() + work.overdue() > mine.due().size()) {
                var all = link(ui.getTranslation("dashboard.leads.see-all"), LeadsView.Show.MINE);
                all.setId("leads-card-due-all");
                card.add(all);
            }
        }
        card.add(link(ui.getTranslation("dashboard.leads.overdue", Card.count(work.overdue())),
                LeadsView.Show.OVERDUE), link(ui.getTranslation("dashboard.leads.without-next-step",
                        Card.count(work.withoutNextStep())), LeadsView.Show.NO_NEXT_STEP),
                link(ui.getTranslation("dashboard.leads.pool", Card.count(work.newInPool())), LeadsView.Show.POOL),
                byStage(ui, mine), responseTime(ui, mine.responseTime()));
        if (mine.returningCount() > 0) {
            card.add(returning(ui, mine));
        }
        if (pool.inRound()) {
            card.add(away(ui));
        }
        return card;
    }

    /** Whether the user is away from the round of new leads, and a button to say when. */
    private Div away(UI ui) {
        var state = new Span();
        state.addClassName("card-caption");
        state.setId("leads-card-away-state");
        Runnable show = () -> {
            var me = pool.mine();
            var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(ui.getLocale());
            state.setText(me.awayFrom() == null ? ui.getTranslation("dashboard.leads.in-round")
                    : ui.getTranslation("dashboard.leads.away", dates.format(me.awayFrom()),
                            dates.format(me.awayUntil())));
        };
        show.run();
        var set = new Button(ui.getTranslation("dashboard.leads.set-away"), e -> new AwayDialog(pool, pool.mine(),
                "", true, show).open());
        set.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        set.setId("leads-card-set-away");
        var section = new Div(state, set);
        section.addClassName("leads-card-section");
        section.setId("leads-card-away");
        return section;
    }

    /** The user's leads that go back to the pool soon unless followed up: each opens its lead. */
    private static Div returning(UI ui, LeadDashboard mine) {
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(ui.getLocale());
        var list = new UnorderedList();
        list.addClassName("leads-card-due");
        for (var lead : mine.returning()) {
            var link = new Anchor(LeadView.route(lead.id()), lead.childName());
            link.getElement().setAttribute("router-link", true);
            link.setId("leads-card-returning-" + lead.id());
            var when = new Span(ui.getTranslation("dashboard.leads.returns-on", dates.format(lead.returnsOn())));
            when.addClassName("leads-card-overdue");
            list.add(new ListItem(link, when));
        }
        var section = new Div(heading(ui, "dashboard.leads.returning"), list);
        if (mine.returningCount() > mine.returning().size()) {
            var more = new Span(ui.getTranslation("dashboard.leads.returning-more",
                    Card.count(mine.returningCount() - mine.returning().size())));
            more.addClassName("card-caption");
            section.add(more);
        }
        section.addClassName("leads-card-section");
        section.setId("leads-card-returning");
        return section;
    }

    private static UnorderedList dueList(UI ui, LeadDashboard mine) {
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(ui.getLocale());
        var list = new UnorderedList();
        list.addClassName("leads-card-due");
        list.setId("leads-card-due-list");
        for (var due : mine.due()) {
            var lead = new Anchor(LeadView.route(due.id()), due.childName());
            // Vaadin's router follows the link without reloading the page
            lead.getElement().setAttribute("router-link", true);
            lead.setId("leads-card-due-" + due.id());
            String action = ui.getTranslation((due.nextAction() == null ? NextAction.OTHER : due.nextAction())
                    .messageKey());
            var when = new Span(due.overdue()
                    ? ui.getTranslation("dashboard.leads.due-overdue", action, dates.format(due.on()))
                    : ui.getTranslation("dashboard.leads.due-today", action));
            when.addClassName(due.overdue() ? "leads-card-overdue" : "leads-card-when");
            list.add(new ListItem(lead, when));
        }
        return list;
    }

    private static Div byStage(UI ui, LeadDashboard mine) {
        var list = new UnorderedList();
        list.addClassName("leads-card-stages");
        for (LeadStage stage : LeadStage.values()) {
            if (stage.open()) {
                var count = new Span(Card.count(mine.byStage().getOrDefault(stage, 0L)));
                count.addClassName("leads-card-stage-count");
                var item = new ListItem(new Span(ui.getTranslation(stage.messageKey())), count);
                item.setId("leads-card-stage-" + stage.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                list.add(item);
            }
        }
        var section = new Div(heading(ui, "dashboard.leads.by-stage"), list);
        section.addClassName("leads-card-section");
        section.setId("leads-card-by-stage");
        return section;
    }

    private static Div responseTime(UI ui, LeadDashboard.ResponseTime response) {
        // a dash, no figure: nothing of this week was contacted yet
        var figure = new Span(response.median() == null ? "—"
                : ui.getTranslation("dashboard.leads.response-median", duration(ui, response.median()),
                        Card.count(response.contacted())));
        figure.setId("leads-card-response-median");
        var section = new Div(heading(ui, "dashboard.leads.response-time"), figure);
        if (response.uncontacted() > 0) {
            var waiting = new Span(ui.getTranslation("dashboard.leads.uncontacted",
                    Card.count(response.uncontacted())));
            waiting.addClassName("card-caption");
            waiting.setId("leads-card-uncontacted");
            section.add(waiting);
        }
        section.addClassName("leads-card-section");
        section.setId("leads-card-response-time");
        return section;
    }

    /** A response time as one reads it: minutes under an hour, hours (one decimal) under two days, else days. */
    static String duration(UI ui, Duration duration) {
        var number = NumberFormat.getNumberInstance(ui.getLocale());
        number.setMaximumFractionDigits(1);
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return ui.getTranslation("dashboard.leads.minutes", NumberFormat.getIntegerInstance(ui.getLocale())
                    .format(minutes));
        }
        double hours = duration.toSeconds() / 3600.0;
        return hours < 48 ? ui.getTranslation("dashboard.leads.hours", number.format(hours))
                : ui.getTranslation("dashboard.leads.days", number.format(hours / 24));
    }

    private static Span heading(UI ui, String key) {
        var heading = new Span(ui.getTranslation(key));
        heading.addClassName("leads-card-heading");
        return heading;
    }

    private static Button link(String text, LeadsView.Show show) {
        var link = new Button(text, e -> UI.getCurrent().navigate(LeadsView.ROUTE,
                QueryParameters.of("show", show.address())));
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        link.setId("leads-card-" + show.address());
        return link;
    }
}
