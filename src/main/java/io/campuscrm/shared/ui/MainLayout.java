package io.campuscrm.shared.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.AppLayout.AppLayoutI18n;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.i18n.LanguageSwitch;
import io.campuscrm.shared.security.CampusPrincipal;

import jakarta.annotation.security.PermitAll;

/**
 * The frame around every signed-in view: a drawer with the navigation the user's roles allow (views declare
 * themselves with {@code @Menu}, whose title is an i18n key), the page title, and the user menu.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final AuthenticationContext authentication;
    private final LanguageSwitch languages;
    private final H1 viewTitle = new H1();

    MainLayout(AuthenticationContext authentication, LanguageSwitch languages) {
        this.authentication = authentication;
        this.languages = languages;
        setPrimarySection(Section.DRAWER);
        setI18n(new AppLayoutI18n().setDrawer(getTranslation("nav.drawer")));
        viewTitle.addClassName("view-title");
        var toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        var header = new HorizontalLayout(toggle, viewTitle, userMenu());
        header.addClassName("app-header");
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.expand(viewTitle);
        addToNavbar(header);
        addToDrawer(brand(), new Scroller(navigation()));
    }

    private Div brand() {
        var name = new Span(getTranslation("app.name"));
        name.addClassName("brand-name");
        var brand = new Div(name);
        brand.addClassName("brand");
        return brand;
    }

    private SideNav navigation() {
        var nav = new SideNav();
        nav.setI18n(new SideNav.SideNavI18n().setToggle(getTranslation("nav.toggle-children")));
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            var item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private MenuBar userMenu() {
        var principal = authentication.getAuthenticatedUser(CampusPrincipal.class);
        String name = principal.map(CampusPrincipal::displayName)
                .orElseGet(() -> authentication.getPrincipalName().orElse(""));
        var avatar = new Avatar(name);
        var menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        var who = new HorizontalLayout(avatar, new Span(name));
        who.setAlignItems(HorizontalLayout.Alignment.CENTER);
        who.setSpacing(true);
        var root = menu.addItem(who);
        root.getSubMenu().addItem(getTranslation("user-menu.change-password"),
                e -> getUI().ifPresent(ui -> ui.navigate("account/password")));
        var language = root.getSubMenu().addItem(getTranslation("user-menu.language"));
        language.setId("language-menu");
        var current = Language.of(getLocale()).orElse(Language.ENGLISH);
        for (Language each : Language.values()) {
            // each language is named in itself, so that a user who cannot read the current one finds theirs
            var item = language.getSubMenu().addItem(each.nativeName(), e -> {
                if (each != current) {
                    languages.switchTo(each);
                }
            });
            item.setId("language-" + each.tag());
            item.getElement().setAttribute("lang", each.tag());
            item.setCheckable(true);
            item.setChecked(each == current);
        }
        var logout = root.getSubMenu().addItem(getTranslation("user-menu.logout"), e -> authentication.logout());
        logout.setId("logout");
        return menu;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }
}
