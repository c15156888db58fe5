package io.campuscrm.admissions.ui;

import java.time.Clock;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import io.campuscrm.admissions.IntakeKeyService;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadList;
import io.campuscrm.admissions.LeadPoolService;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.ui.DetailTabs;
import io.campuscrm.shared.ui.LocalizedTitle;

import jakarta.annotation.security.RolesAllowed;

/**
 * The admissions settings, a tab each: where leads come from and why they were lost (the two editable lists: add a
 * school's own entry, rename it, move entries up and down, deactivate and reactivate them), and the campaigns with
 * what they cost, the intake keys, and each campus's admissions team with the pool's rules and their days away. Each
 * tab is an address of its own ({@code admin/admissions/campaigns}); a tab's content is made
 * the first time it is shown.
 */
@Route(AdmissionsSettingsView.ROUTE + "/:tab?")
@Menu(title = "nav.admissions-settings", order = 91, icon = "vaadin:sliders")
@RolesAllowed("ADMIN")
class AdmissionsSettingsView extends VerticalLayout implements BeforeEnterObserver, LocalizedTitle {

    static final String ROUTE = "admin/admissions";

    private final DetailTabs tabs;
    private @Nullable String first;

    AdmissionsSettingsView(LeadCatalogService catalog, IntakeKeyService keys, LeadPoolService pool,
            InstitutionService institution, Clock clock) {
        setSizeFull();
        tabs = new DetailTabs(getTranslation("lead.settings.tabs"), key -> key.equals(first) ? ROUTE
                : ROUTE + "/" + key);
        tabs.setId("admissions-settings-tabs");
        addTab("sources", "lead.settings.tab.sources",
                () -> new LeadListTab(catalog, LeadList.SOURCES, "settings-sources"));
        addTab("lost-reasons", "lead.settings.tab.lost-reasons",
                () -> new LeadListTab(catalog, LeadList.LOST_REASONS, "settings-lost-reasons"));
        addTab("campaigns", "lead.settings.tab.campaigns",
                () -> new CampaignsTab(catalog, institution.settings(), clock));
        addTab("intake-keys", "lead.settings.tab.intake-keys",
                () -> new IntakeKeysTab(keys, catalog, institution.campuses(), institution.settings().timeZone()));
        addTab("team", "lead.settings.tab.team", () -> new TeamTab(pool, institution.campuses()));
        add(tabs);
    }

    /**
     * Adds a tab after those already there: its address is {@code admin/admissions/<key>}, its link's id
     * {@code tab-<key>}, and {@code content} makes it the first time it is shown. Called from the constructor, so
     * that the tab is there when the address is answered.
     */
    void addTab(String key, String titleKey, SerializableSupplier<Component> content) {
        if (first == null) {
            first = key;
        }
        tabs.add(key, getTranslation(titleKey), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // an unknown tab opens the first
        tabs.select(event.getRouteParameters().get("tab").orElse(first == null ? "" : first));
    }

    @Override
    public String titleKey() {
        return "nav.admissions-settings";
    }
}
