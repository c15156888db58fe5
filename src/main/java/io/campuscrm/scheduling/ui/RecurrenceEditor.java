package io.campuscrm.scheduling.ui;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.timepicker.TimePicker;

import io.campuscrm.scheduling.Recurrence;

/**
 * The weekly schedule of a class: weekdays, start and end time, first and last date (defaulting to the term's), and a
 * line under it that the view fills with a live preview (how many sessions, which holidays are skipped).
 */
class RecurrenceEditor extends Composite<FormLayout> {

    final Checkbox repeats = new Checkbox();
    final CheckboxGroup<DayOfWeek> weekdays = new CheckboxGroup<>();
    final TimePicker start = new TimePicker();
    final TimePicker end = new TimePicker();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Div preview = new Div();

    RecurrenceEditor(Consumer<@Nullable Recurrence> changed) {
        repeats.setLabel(getTranslation("class.recurrence.enabled"));
        repeats.setId("recurrence-enabled");
        repeats.setValue(true);
        weekdays.setLabel(getTranslation("class.recurrence.weekdays"));
        weekdays.setItems(DayOfWeek.values());
        weekdays.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, getLocale()));
        weekdays.setId("recurrence-weekdays");
        start.setLabel(getTranslation("class.recurrence.start"));
        start.setId("recurrence-start");
        end.setLabel(getTranslation("class.recurrence.end"));
        end.setId("recurrence-end");
        for (TimePicker t : new TimePicker[] {start, end}) {
            t.setStep(Duration.ofMinutes(15));
        }
        from.setLabel(getTranslation("class.recurrence.from"));
        from.setId("recurrence-from");
        to.setLabel(getTranslation("class.recurrence.to"));
        to.setId("recurrence-to");
        preview.setId("recurrence-preview");
        preview.addClassName("recurrence-preview");
        repeats.addValueChangeListener(e -> {
            weekdays.setEnabled(e.getValue());
            start.setEnabled(e.getValue());
            end.setEnabled(e.getValue());
            from.setEnabled(e.getValue());
            to.setEnabled(e.getValue());
            changed.accept(value());
        });
        weekdays.addValueChangeListener(e -> changed.accept(value()));
        start.addValueChangeListener(e -> changed.accept(value()));
        end.addValueChangeListener(e -> changed.accept(value()));
        from.addValueChangeListener(e -> changed.accept(value()));
        to.addValueChangeListener(e -> changed.accept(value()));
        var layout = getContent();
        layout.add(repeats, weekdays, start, end, from, to, preview);
        layout.setColspan(repeats, 2);
        layout.setColspan(weekdays, 2);
        layout.setColspan(preview, 2);
    }

    /** The rule as entered, or null when the class does not repeat or a part is missing. */
    @Nullable Recurrence value() {
        if (!repeats.getValue() || weekdays.isEmpty() || start.isEmpty() || end.isEmpty() || from.isEmpty()
                || to.isEmpty()) {
            return null;
        }
        return new Recurrence(EnumSet.copyOf(weekdays.getValue()), start.getValue(), end.getValue(), from.getValue(),
                to.getValue());
    }

    /** Whether the class repeats but a part of the rule is still missing. */
    boolean incomplete() {
        return repeats.getValue() && value() == null;
    }

    void show(@Nullable Recurrence recurrence) {
        repeats.setValue(recurrence != null);
        if (recurrence != null) {
            weekdays.setValue(recurrence.weekdays());
            start.setValue(recurrence.startTime());
            end.setValue(recurrence.endTime());
            from.setValue(recurrence.from());
            to.setValue(recurrence.to());
        }
    }

    /** The term's dates as defaults, where the user has not chosen dates yet (or chose the old term's). */
    void defaultDates(LocalDate termStart, LocalDate termEnd, @Nullable LocalDate oldStart,
            @Nullable LocalDate oldEnd) {
        if (from.isEmpty() || from.getValue().equals(oldStart)) {
            from.setValue(termStart);
        }
        if (to.isEmpty() || to.getValue().equals(oldEnd)) {
            to.setValue(termEnd);
        }
    }

    /** Sets the end from the start and a lesson length, when the user has not entered an end. */
    void defaultLength(int minutes) {
        if (!start.isEmpty() && end.isEmpty()) {
            end.setValue(start.getValue().plusMinutes(minutes));
        }
    }

    void setReadOnly(boolean readOnly) {
        repeats.setReadOnly(readOnly);
        weekdays.setReadOnly(readOnly);
        start.setReadOnly(readOnly);
        end.setReadOnly(readOnly);
        from.setReadOnly(readOnly);
        to.setReadOnly(readOnly);
    }
}
