package io.campuscrm.attendance.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.attendance.Leave;
import io.campuscrm.attendance.LeaveService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.shared.ui.ServiceErrors;

/** Staff enter a guardian's leave request: which of the student's coming sessions, why, who asked. */
class LeaveRequestDialog extends Dialog {

    static final int DAYS_AHEAD = 30;

    LeaveRequestDialog(LeaveService leaves, TimetableService timetable, long studentId, LocalDate today,
            Consumer<Leave> created) {
        setHeaderTitle(getTranslation("leave.request"));
        var locale = getLocale();
        var date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        var session = new Select<ScheduledSession>();
        session.setLabel(getTranslation("leave.session"));
        session.setItems(timetable.sessionsBetween(TimetableScope.student(studentId), today,
                today.plusDays(DAYS_AHEAD)).stream().filter(s -> !s.cancelled()).toList());
        session.setItemLabelGenerator(s -> date.format(s.date()) + " " + time.format(s.startsLocal()) + " · "
                + s.classCode() + " — " + s.className());
        session.setId("leave-session");
        session.setWidthFull();
        var reason = new TextField(getTranslation("leave.reason"));
        reason.setMaxLength(500);
        reason.setRequiredIndicatorVisible(true);
        reason.setId("leave-reason");
        var by = new TextField(getTranslation("leave.requested-by"));
        by.setMaxLength(200);
        var form = new FormLayout(session, reason, by);
        form.setColspan(session, 2);
        add(form);
        var save = ServiceErrors.primary(getTranslation("leave.save"));
        save.setId("leave-save");
        save.addClickListener(e -> {
            if (session.getValue() == null) {
                session.setErrorMessage(getTranslation("leave.error.session-required"));
                session.setInvalid(true);
                return;
            }
            try {
                var leave = leaves.request(session.getValue().sessionId(), studentId, reason.getValue(),
                        by.getValue());
                close();
                created.accept(leave);
            } catch (RuntimeException error) {
                if (!ServiceErrors.show(this, error, field -> "reason".equals(field) ? reason
                        : "sessionId".equals(field) ? session : null, () -> {
                        })) {
                    throw error;
                }
            }
        });
        getFooter().add(new Button(getTranslation("package.grant.cancel"), e -> close()), save);
    }
}
