package io.campuscrm.institution.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;

/**
 * The two pages of the settings, as a bar of links styled like a detail view's tabs: the institution's profile and
 * campuses ({@code admin/settings}), and the modules' settings ({@code admin/settings/modules}).
 */
class SettingsTabs extends Composite<Nav> {

    SettingsTabs(boolean modulesSelected) {
        getContent().addClassName("detail-tabs");
        getContent().getElement().setAttribute("aria-label", getTranslation("settings.tabs"));
        getContent().add(link("admin/settings", "settings.tab.institution", "tab-institution", !modulesSelected),
                link(ModuleSettingsView.ROUTE, "settings.tab.modules", "tab-modules", modulesSelected));
    }

    private Anchor link(String address, String titleKey, String id, boolean selected) {
        var link = new Anchor(address, getTranslation(titleKey));
        link.getElement().setAttribute("router-link", true);
        link.setId(id);
        link.addClassName("detail-tab");
        if (selected) {
            link.addClassName("selected");
            link.getElement().setAttribute("aria-current", "page");
        }
        return link;
    }
}
