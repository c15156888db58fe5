package io.campuscrm.scheduling.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.scheduling.ClosureKind;
import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TermClosure;
import io.campuscrm.scheduling.TermDraft;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.shared.ui.ValidationOnly;
import jakarta.annotation.security.RolesAllowed;

/** Terms, latest first, and a dialog to edit a term's dates and its holidays and closures. */
@Route("admin/terms")
@Menu(title = "nav.terms", order = 61, icon = "vaadin:calendar")
@RolesAllowed("ADMIN")
class TermsView extends VerticalLayout implements LocalizedTitle {

    private final TermService terms;
    private final Grid<Term> grid = new Grid<>();
    private final DateTimeFormatter dates;

    TermsView(TermService terms) {
        this.terms = terms;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        addClassName("list-view");
        setSizeFull();
        var create = ServiceErrors.primary(getTranslation("term.new"));
        create.setId("new-term");
        create.addClickListener(e -> open(null));
        grid.addColumn(Term::name).setHeader(getTranslation("term.name")).setSortProperty("name").setFlexGrow(1);
        grid.addColumn(t -> dates.format(t.startsOn())).setHeader(getTranslation("term.starts-on"))
                .setSortProperty("startsOn").setAutoWidth(true);
        grid.addColumn(t -> dates.format(t.endsOn())).setHeader(getTranslation("term.ends-on"))
                .setSortProperty("endsOn").setAutoWidth(true);
        grid.addColumn(t -> getTranslation("term.closure-count", t.closures().size()))
                .setHeader(getTranslation("term.closures")).setAutoWidth(true);
        grid.setItems(query -> terms.find(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setId("terms-grid");
        grid.setSizeFull();
        add(new HorizontalLayout(create), grid);
    }

    /** A closure row being edited. */
    private static final class ClosureRow {
        final TextField name = new TextField();
        final ComboBox<ClosureKind> kind = new ComboBox<>();
        final DatePicker from = new DatePicker();
        final DatePicker to = new DatePicker();
    }

    private void open(@Nullable Term term) {
        var dialog = new Dialog(term == null ? getTranslation("term.new") : getTranslation("term.edit", term.name()));
        var name = new TextField(getTranslation("term.name"));
        name.setId("term-name");
        var startsOn = new DatePicker(getTranslation("term.starts-on"));
        startsOn.setId("term-starts-on");
        var endsOn = new DatePicker(getTranslation("term.ends-on"));
        endsOn.setId("term-ends-on");
        var binder = new Binder<TermDraft>();
        binder.forField(name).asRequired(getTranslation("term.name.required")).bind(TermDraft::name, ValidationOnly.setter());
        binder.forField(startsOn).asRequired(getTranslation("term.starts-on.required"))
                .bind(TermDraft::startsOn, ValidationOnly.setter());
        binder.forField(endsOn).asRequired(getTranslation("term.ends-on.required")).bind(TermDraft::endsOn, ValidationOnly.setter());
        if (term != null) {
            binder.readBean(new TermDraft(term.name(), term.startsOn(), term.endsOn(), term.closures()));
        }

        List<ClosureRow> rows = new ArrayList<>();
        var closures = new Grid<ClosureRow>();
        closures.addComponentColumn(r -> r.name).setHeader(getTranslation("term.closure.name")).setFlexGrow(1);
        closures.addComponentColumn(r -> r.kind).setHeader(getTranslation("term.closure.kind")).setAutoWidth(true);
        closures.addComponentColumn(r -> r.from).setHeader(getTranslation("term.closure.from")).setAutoWidth(true);
        closures.addComponentColumn(r -> r.to).setHeader(getTranslation("term.closure.to")).setAutoWidth(true);
        closures.addComponentColumn(r -> {
            var remove = new Button(VaadinIcon.TRASH.create(), e -> {
                rows.remove(r);
                closures.setItems(rows);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("term.closure.remove"));
            return remove;
        }).setHeader(getTranslation("action.column")).setAutoWidth(true).setFlexGrow(0);
        closures.setAllRowsVisible(true);
        closures.setId("term-closures");
        if (term != null) {
            term.closures().forEach(c -> rows.add(row(c.name(), c.kind(), c.from(), c.to())));
        }
        closures.setItems(rows);
        var addClosure = new Button(getTranslation("term.closure.add"), VaadinIcon.PLUS.create(), e -> {
            rows.add(row("", ClosureKind.HOLIDAY, null, null));
            closures.setItems(rows);
        });
        addClosure.setId("add-closure");
        var closuresTitle = new H4(getTranslation("term.closures"));

        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-term");
        save.addClickListener(e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            List<TermClosure> list = rows.stream().filter(r -> !r.name.getValue().isBlank())
                    .map(r -> new TermClosure(r.name.getValue().strip(), r.kind.getValue(), r.from.getValue(),
                            r.to.getValue() == null ? r.from.getValue() : r.to.getValue()))
                    .toList();
            var draft = new TermDraft(name.getValue().strip(), startsOn.getValue(), endsOn.getValue(), list);
            try {
                var saved = term == null ? terms.create(draft) : terms.update(term.id(), term.version(), draft);
                Notifications.success(getTranslation("term.saved", saved.name()));
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (RuntimeException ex) {
                if (!ServiceErrors.show(this, ex, f -> field(f, name, endsOn), () -> {
                    dialog.close();
                    grid.getDataProvider().refreshAll();
                })) {
                    throw ex;
                }
            }
        });
        var form = new FormLayout(name, startsOn, endsOn);
        form.setColspan(name, 2);
        dialog.add(form, closuresTitle, closures, addClosure);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(56rem, 95vw)");
        dialog.open();
    }

    private ClosureRow row(String name, ClosureKind kind, @Nullable LocalDate from, @Nullable LocalDate to) {
        var row = new ClosureRow();
        row.name.setValue(name);
        row.name.setWidthFull();
        row.kind.setItems(ClosureKind.values());
        row.kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        row.kind.setValue(kind);
        row.from.setValue(from);
        row.to.setValue(to);
        row.from.addValueChangeListener(e -> {
            if (row.to.getValue() == null) {
                row.to.setValue(e.getValue());
            }
        });
        return row;
    }

    private static @Nullable HasValidation field(String name, TextField termName, DatePicker endsOn) {
        return switch (name) {
            case "name" -> termName;
            case "endsOn" -> endsOn;
            default -> null;
        };
    }

    @Override
    public String titleKey() {
        return "nav.terms";
    }
}
