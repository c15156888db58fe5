package io.campuscrm.admissions.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.admissions.LeadCampaign;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadList;
import io.campuscrm.admissions.LeadListEntry;
import io.campuscrm.institution.InstitutionSettings;
import io.campuscrm.shared.i18n.Money;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.ServiceErrors;

/**
 * The campaigns, the latest to start first, loaded page by page as the grid scrolls: name, source, period, cost in
 * the institution's currency, and whether it runs today. A new campaign, or a click on one, opens its form.
 */
class CampaignsTab extends Composite<VerticalLayout> {

    private final LeadCatalogService catalog;
    private final InstitutionSettings settings;
    private final LocalDate today;
    private final Grid<LeadCampaign> grid = new Grid<>();
    private Map<Long, LeadListEntry> sources = Map.of();

    CampaignsTab(LeadCatalogService catalog, InstitutionSettings settings, Clock clock) {
        this.catalog = catalog;
        this.settings = settings;
        this.today = LocalDate.now(clock.withZone(settings.timeZone()));
        var content = getContent();
        content.setId("settings-campaigns");
        content.setPadding(false);
        content.setSizeFull();
        loadSources();
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        var money = Money.formatter(settings.currency(), getLocale());
        var create = ServiceErrors.primary(getTranslation("lead.campaign.new"));
        create.setId("settings-campaigns-new");
        create.addClickListener(e -> open(null));
        grid.setId("settings-campaigns-grid");
        grid.addColumn(LeadCampaign::name).setHeader(getTranslation("lead.campaign.name")).setFlexGrow(1);
        grid.addColumn(c -> sources.containsKey(c.sourceId()) ? LeadTexts.entry(this, sources.get(c.sourceId()))
                : "#" + c.sourceId()).setHeader(getTranslation("lead.campaign.source")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("lead.campaign.period-value", dates.format(c.startsOn()),
                dates.format(c.endsOn()))).setHeader(getTranslation("lead.campaign.period")).setAutoWidth(true);
        grid.addColumn(c -> money.format(c.cost())).setHeader(getTranslation("lead.campaign.cost"))
                .setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addComponentColumn(c -> c.runsOn(today) ? new Badge(getTranslation("lead.campaign.running"),
                Badge.Tone.SUCCESS) : new Badge(getTranslation(c.endsOn().isBefore(today) ? "lead.campaign.ended"
                        : "lead.campaign.upcoming"), Badge.Tone.CONTRAST))
                .setHeader(getTranslation("lead.campaign.status")).setAutoWidth(true);
        grid.setItems(query -> catalog.campaigns(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setSizeFull();
        content.add(new Paragraph(getTranslation("lead.campaign.intro")), new HorizontalLayout(create), grid);
    }

    private void loadSources() {
        sources = catalog.entries(LeadList.SOURCES).stream()
                .collect(Collectors.toMap(LeadListEntry::id, Function.identity()));
    }

    private void open(@Nullable LeadCampaign campaign) {
        // a source added or deactivated on the other tab since this one was made
        loadSources();
        new CampaignDialog(catalog, sources.values().stream().toList(), settings, today, campaign, () -> {
            grid.getDataProvider().refreshAll();
        }).open();
    }
}
