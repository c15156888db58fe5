package io.campuscrm.shared.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-level settings: the Lumo theme, Campus CRM's own styles, and a viewport that suits tablets. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/campus.css")
@StyleSheet("styles/timetable.css")
@StyleSheet("styles/attendance.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Campus CRM");
    }
}
