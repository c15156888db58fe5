package io.campuscrm.scheduling.ui;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AbstractCompositeField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.timepicker.TimePicker;

import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.TimePickers;

/**
 * The weekly schedule of a class: weekdays, start and end time, first and last date (defaulting to the term's), and a
 * line under it that the view fills with a live preview (how many sessions, which holidays are skipped). Its value is
 * the schedule as entered; a message about it (an incomplete rule, a clash) is shown on the weekdays.
 */
class RecurrenceEditor extends AbstractCompositeField<FormLayout, RecurrenceEditor, WeeklySchedule>
        implements HasValidation {

    final Checkbox repeats = new Checkbox();
    final CheckboxGroup<DayOfWeek> weekdays = new CheckboxGroup<>();
    final TimePicker start = TimePickers.localized(new TimePicker());
    final TimePicker end = TimePickers.localized(new TimePicker());
    final DatePicker from = DatePickers.localized(new DatePicker());
    final DatePicker to = DatePickers.localized(new DatePicker());
    final Div preview = new Div();

    RecurrenceEditor() {
        super(WeeklySchedule.NONE);
        repeats.setLabel(getTranslation("class.recurrence.enabled"));
        repeats.setId("recurrence-enabled");
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
        enableParts(false); // as the value it starts with, WeeklySchedule.NONE
        repeats.addValueChangeListener(e -> {
            enableParts(e.getValue());
            changed(e);
        });
        weekdays.addValueChangeListener(this::changed);
        start.addValueChangeListener(this::changed);
        end.addValueChangeListener(this::changed);
        from.addValueChangeListener(this::changed);
        to.addValueChangeListener(this::changed);
        var layout = getContent();
        layout.add(repeats, weekdays, start, end, from, to, preview);
        layout.setColspan(repeats, 2);
        layout.setColspan(weekdays, 2);
        layout.setColspan(preview, 2);
    }

    private void enableParts(boolean enabled) {
        weekdays.setEnabled(enabled);
        start.setEnabled(enabled);
        end.setEnabled(enabled);
        from.setEnabled(enabled);
        to.setEnabled(enabled);
    }

    private void changed(HasValue.ValueChangeEvent<?> event) {
        setModelValue(new WeeklySchedule(repeats.getValue(), weekdays.getValue(), start.getValue(), end.getValue(),
                from.getValue(), to.getValue()), event.isFromClient());
    }

    /** Shows the schedule; one that does not repeat leaves the parts as they are, to start from when turned on. */
    @Override
    protected void setPresentationValue(WeeklySchedule schedule) {
        repeats.setValue(schedule.repeats());
        if (schedule.repeats()) {
            weekdays.setValue(schedule.weekdays());
            start.setValue(schedule.start());
            end.setValue(schedule.end());
            from.setValue(schedule.from());
            to.setValue(schedule.to());
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

    @Override
    public void setReadOnly(boolean readOnly) {
        repeats.setReadOnly(readOnly);
        weekdays.setReadOnly(readOnly);
        start.setReadOnly(readOnly);
        end.setReadOnly(readOnly);
        from.setReadOnly(readOnly);
        to.setReadOnly(readOnly);
    }

    @Override
    public boolean isReadOnly() {
        return repeats.isReadOnly();
    }

    @Override
    public void setErrorMessage(@Nullable String errorMessage) {
        weekdays.setErrorMessage(errorMessage);
    }

    @Override
    public @Nullable String getErrorMessage() {
        return weekdays.getErrorMessage();
    }

    @Override
    public void setInvalid(boolean invalid) {
        weekdays.setInvalid(invalid);
    }

    @Override
    public boolean isInvalid() {
        return weekdays.isInvalid();
    }
}
