package io.campuscrm.attendance.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.campuscrm.attendance.Leave;
import io.campuscrm.attendance.LeaveService;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

/** A student's leave requests (请假) and their make-up seats (补课); the office enters and books them here. */
class LeavesPanel extends VerticalLayout {

    private final LeaveService leaves;
    private final long studentId;
    private final Grid<Leave> grid = new Grid<>();

    LeavesPanel(LeaveService leaves, TimetableService timetable, long studentId, boolean office, Clock clock,
            ZoneId zone) {
        this.leaves = leaves;
        this.studentId = studentId;
        setPadding(false);
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(l -> dates.format(l.sessionDate())).setHeader(getTranslation("leave.date")).setAutoWidth(true);
        grid.addColumn(Leave::classLabel).setHeader(getTranslation("leave.class")).setFlexGrow(1);
        grid.addColumn(Leave::reason).setHeader(getTranslation("leave.reason")).setFlexGrow(1);
        grid.addComponentColumn(l -> l.cancelled() ? new Badge(getTranslation("leave.cancelled"), Badge.Tone.NEUTRAL)
                : l.makeUpSessionId() == null ? new Badge(getTranslation("leave.no-make-up"), Badge.Tone.CONTRAST)
                : new Badge(getTranslation("leave.made-up", l.makeUpLabel(), dates.format(l.makeUpDate())),
                        Badge.Tone.SUCCESS)).setHeader(getTranslation("leave.make-up")).setAutoWidth(true);
        if (office) {
            grid.addComponentColumn(l -> actions(l, zone)).setHeader(getTranslation("package.actions"))
                    .setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        grid.setId("student-leaves");
        add(new H4(getTranslation("leave.title")));
        if (office) {
            var request = new Button(getTranslation("leave.request"), e -> new LeaveRequestDialog(leaves, timetable,
                    studentId, LocalDate.now(clock.withZone(zone)), created -> {
                        refresh();
                        new MakeUpDialog(leaves, created, zone, this::refresh).open();
                    }).open());
            request.setId("request-leave");
            add(request);
        }
        add(grid);
        refresh();
    }

    private HorizontalLayout actions(Leave leave, ZoneId zone) {
        var row = new HorizontalLayout();
        if (leave.cancelled()) {
            return row;
        }
        var makeUp = new Button(getTranslation("leave.book-make-up"), e -> new MakeUpDialog(leaves, leave, zone,
                this::refresh).open());
        makeUp.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var cancel = new Button(getTranslation("leave.withdraw"), e -> {
            try {
                leaves.cancel(leave.id(), leave.version());
                Notifications.success(getTranslation("leave.withdrawn"));
                refresh();
            } catch (RuntimeException error) {
                if (!ServiceErrors.show(this, error, field -> null, this::refresh)) {
                    throw error;
                }
            }
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        row.add(makeUp, cancel);
        return row;
    }

    private void refresh() {
        var list = leaves.ofStudent(studentId);
        grid.setItems(list);
        grid.setVisible(!list.isEmpty());
    }
}
