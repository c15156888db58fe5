package io.campuscrm.institution.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;

/**
 * The pages of the settings, as a bar of links styled like a detail view's tabs: the institution's profile and
 * campuses ({@code admin/settings}), the modules' settings ({@code admin/settings/modules}), and the e-mail
 * server's configuration with its test message and the outbox ({@code admin/mail}, the notifications module's page).
 */
class SettingsTabs extends Composite<Nav> {

    SettingsTabs(boolean modulesSelected) {
        getContent().addClassName("detail-tabs");
        getContent().getElement().setAttribute("aria-label", getTranslation("settings.tabs"));
        getContent().add(link("admin/settings", "settings.tab.institution", "tab-institution", !modulesSelected),
                link(ModuleSettingsView.ROUTE, "settings.tab.modules", "tab-modules", modulesSelected),
                link("admin/mail", "settings.tab.mail", "tab-mail", false));
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
