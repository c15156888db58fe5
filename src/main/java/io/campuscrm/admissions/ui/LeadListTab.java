package io.campuscrm.admissions.ui;

import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadList;
import io.campuscrm.admissions.LeadListEntry;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

/**
 * One editable list (sources or lost reasons), whole: it is a dozen entries. A school's own entry is added at the
 * end and may be renamed; every entry may be moved up or down and deactivated (no longer offered for new leads) or
 * reactivated. Built-in entries are shown in the reader's language.
 */
class LeadListTab extends Composite<VerticalLayout> {

    private final LeadCatalogService catalog;
    private final LeadList list;
    private final Grid<LeadListEntry> grid = new Grid<>();
    private final TextField name = new TextField();
    private List<LeadListEntry> entries = List.of();

    LeadListTab(LeadCatalogService catalog, LeadList list, String id) {
        this.catalog = catalog;
        this.list = list;
        var content = getContent();
        content.setId(id);
        content.setPadding(false);
        content.setSizeFull();
        name.setLabel(getTranslation("lead.settings.new-entry"));
        name.setId(id + "-name");
        name.setMaxLength(100);
        var add = ServiceErrors.primary(getTranslation("lead.settings.add"));
        add.setId(id + "-add");
        add.addClickListener(e -> add());
        var form = new HorizontalLayout(name, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        grid.setId(id + "-grid");
        grid.addColumn(e -> LeadTexts.entry(this, e)).setHeader(getTranslation("lead.settings.entry"))
                .setFlexGrow(1);
        grid.addColumn(e -> getTranslation(e.builtIn() ? "lead.settings.built-in" : "lead.settings.own"))
                .setHeader(getTranslation("lead.settings.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(e -> new Badge(getTranslation(e.active() ? "lead.settings.active"
                : "lead.settings.inactive"), e.active() ? Badge.Tone.SUCCESS : Badge.Tone.CONTRAST))
                .setHeader(getTranslation("lead.settings.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("lead.settings.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAllRowsVisible(true);
        content.add(new Paragraph(getTranslation(list == LeadList.SOURCES ? "lead.settings.sources.intro"
                : "lead.settings.lost-reasons.intro")), form, grid);
        reload();
    }

    private HorizontalLayout actions(LeadListEntry entry) {
        int at = entries.indexOf(entry);
        var up = icon(VaadinIcon.ARROW_UP, "lead.settings.move-up", () -> move(entry, true));
        up.setEnabled(at > 0);
        var down = icon(VaadinIcon.ARROW_DOWN, "lead.settings.move-down", () -> move(entry, false));
        down.setEnabled(at >= 0 && at < entries.size() - 1);
        var actions = new HorizontalLayout(up, down);
        actions.setSpacing(false);
        if (!entry.builtIn()) {
            actions.add(icon(VaadinIcon.EDIT, "lead.settings.rename", () -> rename(entry)));
        }
        var toggle = new Button(getTranslation(entry.active() ? "lead.settings.deactivate"
                : "lead.settings.reactivate"), e -> act(() -> catalog.setActive(list, entry.id(), entry.version(),
                        !entry.active()), entry.active() ? "lead.settings.deactivated" : "lead.settings.reactivated"));
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        actions.add(toggle);
        return actions;
    }

    private Button icon(VaadinIcon icon, String labelKey, Runnable action) {
        var button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(getTranslation(labelKey));
        button.setTooltipText(getTranslation(labelKey));
        return button;
    }

    private void add() {
        name.setInvalid(false);
        try {
            var added = catalog.add(list, name.getValue());
            Notifications.success(getTranslation("lead.settings.added", LeadTexts.entry(this, added)));
            name.clear();
            reload();
        } catch (RuntimeException error) {
            if (!ServiceErrors.show(this, error, f -> "name".equals(f) ? name : null, this::reload)) {
                throw error;
            }
        }
    }

    private void move(LeadListEntry entry, boolean up) {
        act(() -> {
            catalog.move(list, entry.id(), entry.version(), up);
            return entry;
        }, null);
    }

    private void rename(LeadListEntry entry) {
        var dialog = new Dialog(getTranslation("lead.settings.rename-title", LeadTexts.entry(this, entry)));
        var field = new TextField(getTranslation("lead.settings.name"));
        field.setId("settings-entry-name");
        field.setMaxLength(100);
        field.setValue(entry.name() == null ? "" : entry.name());
        field.setWidthFull();
        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("settings-entry-save");
        save.addClickListener(e -> {
            try {
                catalog.rename(list, entry.id(), entry.version(), field.getValue());
                Notifications.success(getTranslation("lead.settings.renamed"));
                dialog.close();
                reload();
            } catch (RuntimeException error) {
                if (!ServiceErrors.show(this, error, f -> "name".equals(f) ? field : null, () -> {
                    dialog.close();
                    reload();
                })) {
                    throw error;
                }
            }
        });
        dialog.add(field);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(30rem, 95vw)");
        dialog.open();
    }

    private void act(Supplier<LeadListEntry> change, @org.jspecify.annotations.Nullable String doneKey) {
        try {
            var changed = change.get();
            if (doneKey != null) {
                Notifications.success(getTranslation(doneKey, LeadTexts.entry(this, changed)));
            }
            reload();
        } catch (RuntimeException error) {
            if (!ServiceErrors.show(this, error, f -> null, this::reload)) {
                throw error;
            }
        }
    }

    private void reload() {
        entries = catalog.entries(list);
        grid.setItems(entries);
    }
}
