package io.campuscrm.scheduling.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TermDraft;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.RecordForms;
import io.campuscrm.shared.ui.ServiceErrors;
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

    private void open(@Nullable Term term) {
        var dialog = new Dialog(term == null ? getTranslation("term.new") : getTranslation("term.edit", term.name()));
        var name = new TextField(getTranslation("term.name"));
        name.setId("term-name");
        var startsOn = DatePickers.localized(new DatePicker(getTranslation("term.starts-on")));
        startsOn.setId("term-starts-on");
        var endsOn = DatePickers.localized(new DatePicker(getTranslation("term.ends-on")));
        endsOn.setId("term-ends-on");
        var closures = new ClosuresField();
        // The record form style (docs/forms.md): bound by component name, the record's constraints validate.
        var binder = new BeanValidationBinder<>(TermDraft.class);
        binder.forField(name).asRequired(getTranslation("term.name.required")).withConverter(String::strip, n -> n)
                .bind("name");
        binder.forField(startsOn).asRequired(getTranslation("term.starts-on.required")).bind("startsOn");
        binder.forField(endsOn).asRequired(getTranslation("term.ends-on.required")).bind("endsOn");
        binder.forField(closures).bind("closures");
        if (term != null) {
            binder.readRecord(term.toDraft());
        }

        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-term");
        save.addClickListener(e -> {
            var draft = RecordForms.write(binder);
            if (draft == null) {
                return;
            }
            try {
                var saved = term == null ? terms.create(draft) : terms.update(term.id(), term.version(), draft);
                Notifications.success(getTranslation("term.saved", saved.name()));
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (RuntimeException ex) {
                if (!ServiceErrors.show(this, ex, f -> RecordForms.field(binder, f), () -> {
                    dialog.close();
                    grid.getDataProvider().refreshAll();
                })) {
                    throw ex;
                }
            }
        });
        var form = new FormLayout(name, startsOn, endsOn);
        form.setColspan(name, 2);
        dialog.add(form, new H4(getTranslation("term.closures")), closures);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(56rem, 95vw)");
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.terms";
    }
}
