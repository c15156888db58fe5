package io.campuscrm.scheduling.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.scheduling.ClosureKind;
import io.campuscrm.scheduling.TermClosure;
import io.campuscrm.shared.ui.DatePickers;

/**
 * A term's holidays and closures, one editable row each, as the term form's {@code closures}. Rows without a name are
 * left out; a closure without a last day lasts one day. A refusal about the closures is shown under the rows.
 */
class ClosuresField extends CustomField<List<TermClosure>> {

    /** A closure row being edited. */
    private static final class Row {
        final TextField name = new TextField();
        final ComboBox<ClosureKind> kind = new ComboBox<>();
        final DatePicker from = DatePickers.localized(new DatePicker());
        final DatePicker to = DatePickers.localized(new DatePicker());
    }

    private final List<Row> rows = new ArrayList<>();
    private final Grid<Row> grid = new Grid<>();

    ClosuresField() {
        super(List.of());
        grid.addComponentColumn(r -> r.name).setHeader(getTranslation("term.closure.name")).setFlexGrow(1);
        grid.addComponentColumn(r -> r.kind).setHeader(getTranslation("term.closure.kind")).setAutoWidth(true);
        grid.addComponentColumn(r -> r.from).setHeader(getTranslation("term.closure.from")).setAutoWidth(true);
        grid.addComponentColumn(r -> r.to).setHeader(getTranslation("term.closure.to")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            var remove = new Button(VaadinIcon.TRASH.create(), e -> {
                rows.remove(r);
                grid.setItems(rows);
                updateValue();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("term.closure.remove"));
            return remove;
        }).setHeader(getTranslation("action.column")).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setId("term-closures");
        var add = new Button(getTranslation("term.closure.add"), VaadinIcon.PLUS.create(), e -> {
            rows.add(row("", ClosureKind.HOLIDAY, null, null));
            grid.setItems(rows);
        });
        add.setId("add-closure");
        add(grid, add);
        setWidthFull();
    }

    @Override
    protected List<TermClosure> generateModelValue() {
        return rows.stream().filter(r -> !r.name.getValue().isBlank())
                .map(r -> new TermClosure(r.name.getValue().strip(), r.kind.getValue(), r.from.getValue(),
                        r.to.getValue() == null ? r.from.getValue() : r.to.getValue()))
                .toList();
    }

    @Override
    protected void setPresentationValue(List<TermClosure> closures) {
        rows.clear();
        closures.forEach(c -> rows.add(row(c.name(), c.kind(), c.from(), c.to())));
        grid.setItems(rows);
    }

    private Row row(String name, ClosureKind kind, @Nullable LocalDate from, @Nullable LocalDate to) {
        var row = new Row();
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
        // the field's value follows every edit, so the form sees it as changed and its message clears
        row.name.addValueChangeListener(e -> updateValue());
        row.kind.addValueChangeListener(e -> updateValue());
        row.from.addValueChangeListener(e -> updateValue());
        row.to.addValueChangeListener(e -> updateValue());
        return row;
    }
}
