package io.campuscrm.admissions.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;


import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import io.campuscrm.admissions.LeadPoolService;
import io.campuscrm.admissions.LeadRouting;
import io.campuscrm.institution.Campus;
import io.campuscrm.shared.ui.Badge;

/**
 * A campus's admissions team as the pool sees it (decision 0076): its rules (where new leads go, the cap, the
 * cool-down, the return and its warning, all set on the Settings screen per campus), and each member with their open
 * leads against the cap and their days away, which the administrator sets here (the round of new leads passes a
 * member by on those days).
 */
class TeamTab extends Composite<VerticalLayout> {

    private final LeadPoolService pool;
    private final Select<Campus> campus = new Select<>();
    private final Paragraph rulesText = new Paragraph();
    private LeadPoolService.@org.jspecify.annotations.Nullable PoolRules rules;
    private final Grid<LeadPoolService.TeamMember> grid = new Grid<>();
    private final DateTimeFormatter dates;

    TeamTab(LeadPoolService pool, List<Campus> campuses) {
        this.pool = pool;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        var content = getContent();
        content.setId("settings-team");
        content.setPadding(false);
        content.setSizeFull();
        campus.setLabel(getTranslation("lead.campus"));
        campus.setItems(campuses);
        campus.setItemLabelGenerator(Campus::name);
        campus.setId("team-campus");
        campus.addValueChangeListener(e -> refresh());
        rulesText.setId("team-rules");
        grid.setId("team-grid");
        grid.addColumn(LeadPoolService.TeamMember::displayName).setHeader(getTranslation("lead.team.member"))
                .setFlexGrow(1);
        grid.addColumn(m -> rules == null ? String.valueOf(m.openLeads()) : getTranslation("lead.team.open-of",
                m.openLeads(), rules.cap())).setHeader(getTranslation("lead.team.open-leads")).setAutoWidth(true);
        grid.addColumn(m -> m.awayFrom() == null ? "" : getTranslation("lead.campaign.period-value",
                dates.format(m.awayFrom()), dates.format(m.awayUntil()))).setHeader(getTranslation("lead.team.away"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::status).setHeader(getTranslation("lead.team.status")).setAutoWidth(true);
        grid.addComponentColumn(m -> {
            var edit = new Button(getTranslation("lead.team.set-away"), e -> edit(m));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.setId("team-away-" + m.userId());
            return edit;
        }).setAutoWidth(true);
        // a team is a handful of people: all of them, no scrolling inside the page
        grid.setAllRowsVisible(true);
        content.add(new Paragraph(getTranslation("lead.team.intro")), campus, rulesText, grid);
        if (!campuses.isEmpty()) {
            campus.setValue(campuses.getFirst());
        }
    }

    private void refresh() {
        var c = campus.getValue();
        if (c == null) {
            grid.setItems(List.of());
            return;
        }
        var r = pool.rules(c.id());
        rules = r;
        String routing = getTranslation(r.newLeads() == LeadRouting.ROUND_ROBIN ? "lead.team.rules.round-robin"
                : "lead.team.rules.pool");
        String back = r.returnDays() == 0 ? getTranslation("lead.team.rules.no-return")
                : getTranslation("lead.team.rules.return", r.returnDays(), r.warningDays());
        rulesText.setText(getTranslation("lead.team.rules", routing, r.cap(),
                r.cooldown().toHours(), back));
        grid.setItems(pool.team(c.id()));
    }

    /** Where the member stands in the round: away, at the cap, in it, or no round at all (the campus pools). */
    private Badge status(LeadPoolService.TeamMember m) {
        Badge badge;
        if (m.awayToday()) {
            badge = new Badge(getTranslation("lead.team.away-today"), Badge.Tone.CONTRAST);
        } else if (rules != null && m.openLeads() >= rules.cap()) {
            badge = new Badge(getTranslation("lead.team.at-cap"), Badge.Tone.ERROR);
        } else if (rules != null && rules.newLeads() == LeadRouting.POOL) {
            badge = new Badge(getTranslation("lead.team.no-round"), Badge.Tone.CONTRAST);
        } else {
            badge = new Badge(getTranslation("lead.team.in-round"), Badge.Tone.SUCCESS);
        }
        badge.setId("team-status-" + m.userId());
        return badge;
    }

    private void edit(LeadPoolService.TeamMember member) {
        new AwayDialog(pool, member, member.displayName(), false, this::refresh).open();
    }
}
