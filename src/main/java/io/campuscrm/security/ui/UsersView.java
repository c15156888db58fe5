package io.campuscrm.security.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.security.internal.PasswordPolicy;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.shared.ui.LocalizedTitle;
import jakarta.annotation.security.RolesAllowed;

/**
 * Users: a lazy, filterable list; a dialog to create or edit a user (roles, campuses), disable or enable them,
 * reset their password or unlock them. {@code admin/users/42} opens user 42.
 */
@Route("admin/users")
@Menu(title = "nav.users", order = 90, icon = "vaadin:users")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout implements HasUrlParameter<Long>, LocalizedTitle {

    private final UserService users;
    private final List<Campus> campuses;
    private final int minPasswordLength;
    private final Grid<UserAccount> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<Role> role = new ComboBox<>();
    private final ComboBox<Boolean> status = new ComboBox<>();
    private final Clock clock;
    private final ZoneId zone;

    UsersView(UserService users, InstitutionService institution, PasswordPolicy passwordPolicy, Clock clock) {
        this.users = users;
        this.clock = clock;
        this.campuses = institution.campuses();
        this.minPasswordLength = passwordPolicy.minLength();
        this.zone = institution.settings().timeZone();
        addClassName("list-view");
        setSizeFull();

        search.setPlaceholder(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("users-search");
        role.setPlaceholder(getTranslation("users.any-role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.setClearButtonVisible(true);
        status.setPlaceholder(getTranslation("users.any-status"));
        status.setItems(Boolean.TRUE, Boolean.FALSE);
        status.setItemLabelGenerator(b -> getTranslation(b ? "users.status.enabled" : "users.status.disabled"));
        status.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        role.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        var create = ServiceErrors.primary(getTranslation("users.new"));
        create.setId("new-user");
        create.addClickListener(e -> openCreate());
        var filters = new HorizontalLayout(search, role, status, create);
        filters.addClassName("filter-bar");
        filters.setWidthFull();
        filters.expand(search);

        var dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale());
        grid.addColumn(UserAccount::username).setHeader(getTranslation("user.username"))
                .setSortProperty("username").setAutoWidth(true);
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("user.display-name"))
                .setSortProperty("displayName").setAutoWidth(true);
        grid.addColumn(UserAccount::email).setHeader(getTranslation("user.email")).setAutoWidth(true);
        String separator = Lists.separator(getLocale());
        grid.addColumn(u -> u.roles().stream().map(r -> getTranslation(r.messageKey())).sorted()
                .collect(Collectors.joining(separator))).setHeader(getTranslation("user.roles"));
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("user.status")).setAutoWidth(true);
        grid.addColumn(u -> u.lastLoginAt() == null ? "—"
                : dates.format(u.lastLoginAt().atZone(zone)))
                .setHeader(getTranslation("user.last-login")).setSortProperty("lastLoginAt").setAutoWidth(true);
        grid.setItems(query -> users.findUsers(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(UsersView.class, e.getItem().id())));
        grid.setId("users-grid");
        grid.setSizeFull();
        add(filters, grid);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable Long userId) {
        if (userId != null) {
            openEdit(users.get(userId));
        }
    }

    private UserFilter filter() {
        return new UserFilter(search.getValue(), role.getValue(), status.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private Span statusBadge(UserAccount user) {
        String key;
        String theme;
        if (!user.enabled()) {
            key = "users.status.disabled";
            theme = "badge error";
        } else if (user.lockedAt(clock.instant())) {
            key = "users.status.locked";
            theme = "badge contrast";
        } else {
            key = "users.status.enabled";
            theme = "badge success";
        }
        var badge = new Span(getTranslation(key));
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private void openCreate() {
        var dialog = new Dialog(getTranslation("users.new"));
        var form = new UserForm(campuses, true, minPasswordLength);
        form.clear();
        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-user");
        save.addClickListener(e -> {
            UserDraft draft = form.draft();
            if (draft == null) {
                return;
            }
            try {
                var created = users.create(draft, form.initialPassword());
                Notifications.success(getTranslation("users.created", created.username()));
                dialog.close();
                refresh();
            } catch (RuntimeException ex) {
                if (!ServiceErrors.show(this, ex, form::field, this::refresh)) {
                    throw ex;
                }
            }
        });
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    private void openEdit(UserAccount user) {
        var dialog = new Dialog(getTranslation("users.edit", user.username()));
        var form = new UserForm(campuses, false, minPasswordLength);
        form.edit(user);
        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-user");
        save.addClickListener(e -> {
            UserDraft draft = form.draft();
            if (draft == null) {
                return;
            }
            act(dialog, form, () -> users.update(user.id(), user.version(), draft), "users.saved", user);
        });
        var toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"));
        toggle.setId("toggle-user");
        toggle.addThemeVariants(user.enabled() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        toggle.addClickListener(e -> act(dialog, form, () -> users.setEnabled(user.id(), !user.enabled()),
                user.enabled() ? "users.disabled" : "users.enabled", user));
        var reset = new Button(getTranslation("users.reset-password"), e -> openResetPassword(user));
        var unlock = new Button(getTranslation("users.unlock"),
                e -> act(dialog, form, () -> users.unlock(user.id()), "users.unlocked", user));
        unlock.setVisible(user.lockedAt(clock.instant()));
        dialog.add(form);
        var cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(toggle, reset, unlock, cancel, save);
        dialog.addDialogCloseActionListener(e -> dialog.close());
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                getUI().ifPresent(ui -> ui.navigate(UsersView.class));
            }
        });
        dialog.setWidth("min(48rem, 95vw)");
        dialog.open();
    }

    private void act(Dialog dialog, UserForm form, Runnable action, String successKey, UserAccount user) {
        try {
            action.run();
            Notifications.success(getTranslation(successKey, user.username()));
            dialog.close();
            refresh();
        } catch (RuntimeException ex) {
            if (!ServiceErrors.show(this, ex, form::field, () -> {
                dialog.close();
                refresh();
            })) {
                throw ex;
            }
        }
    }

    private void openResetPassword(UserAccount user) {
        var dialog = new Dialog(getTranslation("users.reset-password-for", user.username()));
        var password = new PasswordField(getTranslation("user.new-password"));
        password.setHelperText(getTranslation("user.password.help", minPasswordLength));
        password.setWidthFull();
        var save = ServiceErrors.primary(getTranslation("users.reset-password"));
        save.addClickListener(e -> {
            try {
                users.resetPassword(user.id(), password.getValue());
                Notifications.success(getTranslation("users.password-reset", user.username()));
                dialog.close();
            } catch (RuntimeException ex) {
                if (!ServiceErrors.show(this, ex, f -> password, () -> { })) {
                    throw ex;
                }
            }
        });
        dialog.add(password);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.users";
    }
}
