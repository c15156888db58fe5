package io.campuscrm.scheduling.ui;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;

import io.campuscrm.scheduling.AvailabilitySlot;
import io.campuscrm.shared.ui.TimePickers;

/** Edits a teacher's weekly times: one row per day and time range; rows without a day or times are ignored. */
class AvailabilityEditor extends Composite<VerticalLayout> {

    private static final class Row {
        final ComboBox<DayOfWeek> day = new ComboBox<>();
        final TimePicker start = TimePickers.localized(new TimePicker());
        final TimePicker end = TimePickers.localized(new TimePicker());
    }

    private final List<Row> rows = new ArrayList<>();
    private final Grid<Row> grid = new Grid<>();
    private final Paragraph error = new Paragraph();

    AvailabilityEditor(List<AvailabilitySlot> slots) {
        grid.addComponentColumn(r -> r.day).setHeader(getTranslation("teacher.slot.weekday")).setFlexGrow(1);
        grid.addComponentColumn(r -> r.start).setHeader(getTranslation("teacher.slot.start")).setAutoWidth(true);
        grid.addComponentColumn(r -> r.end).setHeader(getTranslation("teacher.slot.end")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            var remove = new Button(VaadinIcon.TRASH.create(), e -> {
                rows.remove(r);
                grid.setItems(rows);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("teacher.slot.remove"));
            return remove;
        }).setHeader(getTranslation("action.column")).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setId("availability-grid");
        slots.forEach(s -> rows.add(row(s.weekday(), s.start(), s.end())));
        grid.setItems(rows);
        var add = new Button(getTranslation("teacher.slot.add"), VaadinIcon.PLUS.create(), e -> {
            rows.add(row(DayOfWeek.MONDAY, LocalTime.of(15, 0), LocalTime.of(21, 0)));
            grid.setItems(rows);
        });
        add.setId("add-slot");
        error.addClassName("error-text");
        error.setVisible(false);
        var help = new Paragraph(getTranslation("teacher.availability.help"));
        getContent().setPadding(false);
        getContent().add(help, grid, add, error);
    }

    private Row row(DayOfWeek day, LocalTime start, LocalTime end) {
        var row = new Row();
        row.day.setItems(DayOfWeek.values());
        row.day.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, getLocale()));
        row.day.setValue(day);
        row.start.setStep(java.time.Duration.ofMinutes(15));
        row.end.setStep(java.time.Duration.ofMinutes(15));
        row.start.setValue(start);
        row.end.setValue(end);
        return row;
    }

    List<AvailabilitySlot> slots() {
        return rows.stream().filter(r -> r.day.getValue() != null && r.start.getValue() != null
                && r.end.getValue() != null)
                .map(r -> new AvailabilitySlot(r.day.getValue(), r.start.getValue(), r.end.getValue())).toList();
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
