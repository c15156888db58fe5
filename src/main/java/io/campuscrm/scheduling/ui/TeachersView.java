package io.campuscrm.scheduling.ui;

import java.time.format.TextStyle;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.scheduling.TeacherAvailabilityService;
import io.campuscrm.scheduling.internal.ScheduleFormat;
import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import jakarta.annotation.security.RolesAllowed;

/** Teachers (active users with the Teacher role) and their weekly availability. */
@Route("admin/teachers")
@Menu(title = "nav.teachers", order = 63, icon = "vaadin:academy-cap")
@RolesAllowed("ADMIN")
class TeachersView extends VerticalLayout implements LocalizedTitle {

    private final TeacherAvailabilityService availability;
    private final Grid<UserAccount> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ScheduleFormat format;

    TeachersView(UserService users, TeacherAvailabilityService availability) {
        this.availability = availability;
        this.format = new ScheduleFormat(getLocale());
        addClassName("list-view");
        setSizeFull();
        search.setPlaceholder(getTranslation("teacher.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("teachers-search");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("teacher.name"))
                .setSortProperty("displayName").setAutoWidth(true);
        grid.addColumn(UserAccount::username).setHeader(getTranslation("teacher.username"))
                .setSortProperty("username").setAutoWidth(true);
        grid.addColumn(this::summary).setHeader(getTranslation("teacher.availability")).setFlexGrow(1);
        grid.addComponentColumn(t -> {
            var edit = new Button(getTranslation("teacher.availability"), VaadinIcon.CLOCK.create(), e -> open(t));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return edit;
        }).setHeader(getTranslation("action.column")).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> users.findUsers(new UserFilter(search.getValue(), Role.TEACHER, true),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setId("teachers-grid");
        grid.setSizeFull();
        var filters = new HorizontalLayout(search);
        filters.setWidthFull();
        filters.expand(search);
        add(filters, grid);
    }

    private String summary(UserAccount teacher) {
        var slots = availability.availability(teacher.id()).slots();
        if (slots.isEmpty()) {
            return getTranslation("teacher.availability.none");
        }
        return slots.stream().map(s -> s.weekday().getDisplayName(TextStyle.SHORT, getLocale()) + " "
                + format.time(s.start()) + "–" + format.time(s.end()))
                .collect(Collectors.joining(Lists.separator(getLocale())));
    }

    private void open(UserAccount teacher) {
        var current = availability.availability(teacher.id());
        var dialog = new Dialog(getTranslation("teacher.availability.edit", teacher.displayName()));
        var editor = new AvailabilityEditor(current.slots());
        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-availability");
        save.addClickListener(e -> {
            try {
                availability.replace(teacher.id(), current.version(), editor.slots());
                Notifications.success(getTranslation("teacher.availability.saved", teacher.displayName()));
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (DomainException ex) {
                editor.showError(getTranslation(ex.messageKey(), ex.arguments()));
            } catch (RuntimeException ex) {
                if (!ServiceErrors.show(this, ex, f -> null, dialog::close)) {
                    throw ex;
                }
            }
        });
        dialog.add(editor);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.teachers";
    }
}
