package io.campuscrm.attendance.ui;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.RosterLine;
import io.campuscrm.attendance.SeatMark;
import io.campuscrm.shared.i18n.Money;
import io.campuscrm.shared.ui.Badge;

/**
 * One seat of the roster: initials, name, what kind of seat, the student's balance, and a button per status (48 px
 * high, a tap each). Late asks for the minutes (10 by default); a note can be added to any mark.
 */
class SeatCard extends Div {

    private static final int DEFAULT_LATE_MINUTES = 10;

    private final String seat;
    private final Map<AttendanceStatus, Button> buttons = new EnumMap<>(AttendanceStatus.class);
    private final IntegerField lateMinutes = new IntegerField();
    private final TextField note = new TextField();
    private final BiConsumer<String, @Nullable SeatMark> onChange;
    private final java.util.Currency currency;
    private @Nullable SeatMark current;

    SeatCard(RosterLine line, boolean editable, java.util.Currency currency,
            BiConsumer<String, @Nullable SeatMark> onChange) {
        this.seat = line.seat().key();
        this.currency = currency;
        this.onChange = onChange;
        addClassName("seat-card");
        setId("seat-" + seat.replace(':', '-'));
        var initials = new Span(line.seat().initials());
        initials.addClassName("seat-initials");
        var name = new Span(line.seat().name());
        name.addClassName("seat-name");
        var who = new Div(name);
        if (!"enrolled".equals(line.seat().kind())) {
            who.add(new Span(" "), new Badge(getTranslation("attendance.seat." + line.seat().kind()),
                    Badge.Tone.CONTRAST));
        }
        if (line.seat().note() != null) {
            var more = new Div(line.seat().note());
            more.addClassName("seat-facts");
            who.add(more);
        }
        var head = new Div(initials, who);
        head.addClassName("seat-head");
        add(head);
        if (line.balance() != null) {
            add(balance(line));
        }
        if (line.leaveReason() != null) {
            var leave = new Div(getTranslation("roster.on-leave", line.leaveReason()));
            leave.addClassName("seat-facts");
            add(leave);
        }
        var statuses = new Div();
        statuses.addClassName("seat-statuses");
        for (var status : AttendanceStatus.values()) {
            var button = new Button(getTranslation(status.messageKey()), e -> choose(status));
            button.setEnabled(editable);
            button.addClassName("status-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            buttons.put(status, button);
            statuses.add(button);
        }
        add(statuses);
        lateMinutes.setLabel(getTranslation("roster.late-minutes"));
        lateMinutes.setMin(0);
        lateMinutes.setMax(600);
        lateMinutes.setStepButtonsVisible(true);
        lateMinutes.setStep(5);
        lateMinutes.setWidth("9rem");
        lateMinutes.setEnabled(editable);
        lateMinutes.addClassName("late-minutes");
        lateMinutes.addValueChangeListener(e -> {
            if (e.isFromClient() && current != null) {
                onChange.accept(seat, new SeatMark(seat, current.status(), e.getValue(), current.note()));
            }
        });
        note.setPlaceholder(getTranslation("roster.note"));
        note.setAriaLabel(getTranslation("roster.note"));
        note.setMaxLength(500);
        note.setEnabled(editable);
        note.setWidthFull();
        note.addClassName("seat-note");
        note.addValueChangeListener(e -> {
            if (e.isFromClient() && current != null) {
                onChange.accept(seat, new SeatMark(seat, current.status(), current.lateMinutes(),
                        e.getValue().isBlank() ? null : e.getValue()));
            }
        });
        var extra = new Div(lateMinutes, note);
        extra.addClassName("seat-extra");
        add(extra);
    }

    private Div balance(RosterLine line) {
        var b = line.balance();
        var locale = getLocale();
        String text;
        if (b.owing()) {
            text = getTranslation("roster.balance.owing", NumberFormat.getInstance(locale).format(b.owed()));
        } else if (b.remaining().signum() == 0) {
            text = getTranslation("roster.balance.none");
        } else {
            text = getTranslation("roster.balance", NumberFormat.getInstance(locale).format(b.remaining()),
                    Money.format(b.remainingValue(), currency, locale), b.nextExpiry() == null ? ""
                            : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                                    .format(b.nextExpiry()));
        }
        var div = new Div(text);
        div.addClassName("seat-facts");
        div.addClassName("seat-balance");
        if (b.low() || b.owing()) {
            div.addClassName("seat-warning");
        }
        return div;
    }

    private void choose(AttendanceStatus status) {
        Integer late = status == AttendanceStatus.LATE ? current != null && current.lateMinutes() != null
                ? current.lateMinutes() : Integer.valueOf(DEFAULT_LATE_MINUTES) : null;
        onChange.accept(seat, new SeatMark(seat, status, late, current == null ? null : current.note()));
    }

    void show(@Nullable SeatMark mark, boolean changed) {
        current = mark;
        buttons.forEach((status, button) -> {
            boolean chosen = mark != null && mark.status() == status;
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            if (chosen) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            button.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
        });
        boolean late = mark != null && mark.status() == AttendanceStatus.LATE;
        lateMinutes.setVisible(late);
        lateMinutes.setValue(late ? mark.lateMinutes() : null);
        note.setVisible(mark != null);
        note.setValue(mark == null || mark.note() == null ? "" : mark.note());
        setClassName("seat-changed", changed);
    }
}
