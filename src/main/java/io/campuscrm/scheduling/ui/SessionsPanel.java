package io.campuscrm.scheduling.ui;

import java.time.Duration;
import java.time.LocalTime;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SessionService;
import io.campuscrm.scheduling.SessionSlot;
import io.campuscrm.scheduling.SessionStatus;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.shared.ui.TimePickers;

/**
 * A class's sessions, page by page in time order. Administrators move one (date, time, room), cancel it with a reason
 * or restore it, and add single sessions; a refusal (a clash) is shown on the dialog's date field, naming the clash.
 */
class SessionsPanel extends Composite<VerticalLayout> {

    private final SessionService sessions;
    private final RoomService rooms;
    private final ClassDetails schoolClass;
    private final ScheduleTexts texts;
    private final Grid<ScheduledSession> grid = new Grid<>();
    private final Runnable changed;

    SessionsPanel(SessionService sessions, RoomService rooms, ClassDetails schoolClass, boolean editable,
            Runnable changed) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.schoolClass = schoolClass;
        this.changed = changed;
        this.texts = ScheduleTexts.of(this);
        grid.addColumn(s -> texts.format().date(s.date())).setHeader(getTranslation("session.date"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(texts::time).setHeader(getTranslation("session.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ScheduledSession::roomName).setHeader(getTranslation("session.room")).setAutoWidth(true);
        String separator = Lists.separator(getLocale());
        grid.addColumn(s -> String.join(separator, s.teacherNames())).setHeader(getTranslation("session.teachers"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::status).setHeader(getTranslation("session.status")).setFlexGrow(1);
        grid.addColumn(s -> getTranslation(s.origin().messageKey())).setHeader(getTranslation("session.origin"))
                .setAutoWidth(true);
        if (editable) {
            grid.addComponentColumn(this::actions)
                    .setHeader(getTranslation("action.column")).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(query -> sessions.sessions(schoolClass.id(), VaadinSpringDataHelpers.toSpringPageRequest(query))
                .stream());
        grid.setId("sessions-grid");
        grid.setHeight("28rem");
        var add = new Button(getTranslation("session.add"), VaadinIcon.PLUS.create(), e -> openAdd());
        add.setId("add-session");
        add.setVisible(editable);
        var header = new HorizontalLayout(new H3(getTranslation("class.sessions")), add);
        header.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        getContent().setPadding(false);
        getContent().add(header, grid);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private Span status(ScheduledSession s) {
        String text = getTranslation(s.status().messageKey());
        if (s.cancelled() && s.cancelReason() != null) {
            text += " — " + s.cancelReason();
        }
        if (s.held()) {
            text += " · " + getTranslation("session.held");
        }
        return new Badge(text, s.cancelled() ? Badge.Tone.ERROR : s.held() ? Badge.Tone.SUCCESS : Badge.Tone.NEUTRAL);
    }

    private HorizontalLayout actions(ScheduledSession s) {
        var move = new Button(getTranslation("session.move"), e -> openMove(s));
        move.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var cancelOrRestore = s.status() == SessionStatus.SCHEDULED
                ? new Button(getTranslation("session.cancel"), e -> openCancel(s))
                : new Button(getTranslation("session.restore"), e -> act(() -> sessions.restore(s.sessionId(),
                        s.version()), "session.restored", null, f -> null));
        cancelOrRestore.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        move.setEnabled(!s.held());
        cancelOrRestore.setEnabled(!s.held());
        return new HorizontalLayout(move, cancelOrRestore);
    }

    /** Fields of a session's date, times and room. */
    private final class SlotFields {
        final DatePicker date = DatePickers.localized(new DatePicker(getTranslation("session.date")));
        final TimePicker start = TimePickers.localized(new TimePicker(getTranslation("session.start")));
        final TimePicker end = TimePickers.localized(new TimePicker(getTranslation("session.end")));
        final ComboBox<io.campuscrm.scheduling.Room> room = new ComboBox<>(getTranslation("session.room"));

        SlotFields(@Nullable ScheduledSession from) {
            date.setId("slot-date");
            start.setId("slot-start");
            end.setId("slot-end");
            room.setId("slot-room");
            start.setStep(Duration.ofMinutes(15));
            end.setStep(Duration.ofMinutes(15));
            var campusRooms = rooms.activeRooms(schoolClass.campusId());
            room.setItems(campusRooms);
            room.setItemLabelGenerator(r -> getTranslation("room.option", r.name(), r.capacity()));
            if (from != null) {
                date.setValue(from.date());
                start.setValue(from.startsLocal().toLocalTime());
                end.setValue(from.endsLocal().toLocalTime());
                campusRooms.stream().filter(r -> r.id() == from.roomId()).findFirst().ifPresent(room::setValue);
            } else {
                var rule = schoolClass.recurrence();
                start.setValue(rule == null ? LocalTime.of(16, 0) : rule.startTime());
                end.setValue(rule == null ? LocalTime.of(17, 0) : rule.endTime());
                campusRooms.stream().filter(r -> r.id() == schoolClass.roomId()).findFirst()
                        .ifPresent(room::setValue);
            }
        }

        @Nullable SessionSlot slot() {
            if (date.isEmpty() || start.isEmpty() || end.isEmpty() || room.isEmpty()) {
                date.setInvalid(date.isEmpty());
                date.setErrorMessage(getTranslation("session.date.required"));
                return null;
            }
            return new SessionSlot(date.getValue(), start.getValue(), end.getValue(), room.getValue().id());
        }

        @Nullable HasValidation field(String name) {
            return switch (name) {
                case "end" -> end;
                case "roomId" -> room;
                default -> date;
            };
        }

        FormLayout layout() {
            return new FormLayout(date, room, start, end);
        }
    }

    private void openMove(ScheduledSession s) {
        var dialog = new Dialog(getTranslation("session.move.title", texts.format().date(s.date())));
        var fields = new SlotFields(s);
        var save = ServiceErrors.primary(getTranslation("session.move"));
        save.setId("save-move");
        save.addClickListener(e -> {
            var slot = fields.slot();
            if (slot != null) {
                act(() -> sessions.move(s.sessionId(), s.version(), slot), "session.moved", dialog, fields::field);
            }
        });
        dialog.add(fields.layout());
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }

    private void openAdd() {
        var dialog = new Dialog(getTranslation("session.add.title", schoolClass.code()));
        var fields = new SlotFields(null);
        var save = ServiceErrors.primary(getTranslation("session.add"));
        save.setId("save-add");
        save.addClickListener(e -> {
            var slot = fields.slot();
            if (slot != null) {
                act(() -> sessions.add(schoolClass.id(), slot), "session.added", dialog, fields::field);
            }
        });
        dialog.add(fields.layout());
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }

    private void openCancel(ScheduledSession s) {
        var dialog = new Dialog(getTranslation("session.cancel.title", texts.format().date(s.date())));
        var reason = new TextField(getTranslation("session.reason"));
        reason.setId("cancel-reason");
        reason.setWidthFull();
        var save = ServiceErrors.primary(getTranslation("session.cancel"));
        save.addThemeVariants(ButtonVariant.LUMO_ERROR);
        save.setId("save-cancel");
        save.addClickListener(e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("session.reason.required"));
                reason.setInvalid(true);
                return;
            }
            act(() -> sessions.cancel(s.sessionId(), s.version(), reason.getValue()), "session.cancelled", dialog,
                    f -> reason);
        });
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void act(Supplier<ScheduledSession> action, String successKey, @Nullable Dialog dialog,
            Function<String, @Nullable HasValidation> fields) {
        try {
            var result = action.get();
            Notifications.success(getTranslation(successKey, texts.format().date(result.date())));
            if (dialog != null) {
                dialog.close();
            }
            refresh();
            changed.run();
        } catch (RuntimeException ex) {
            if (!ServiceErrors.show(this, ex, fields::apply, () -> {
                if (dialog != null) {
                    dialog.close();
                }
                refresh();
            })) {
                throw ex;
            }
        }
    }
}
