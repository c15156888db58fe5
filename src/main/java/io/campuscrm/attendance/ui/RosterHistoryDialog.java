package io.campuscrm.attendance.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;

import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.MarkChange;
import io.campuscrm.attendance.Roster;

/** Every change of a roster's marks: when, who, whose mark, before → after. */
class RosterHistoryDialog extends Dialog {

    RosterHistoryDialog(AttendanceService attendance, long sessionId, Roster roster, ZoneId zone) {
        setHeaderTitle(getTranslation("roster.history"));
        setWidth("min(52rem, 95vw)");
        Map<String, String> names = new HashMap<>();
        roster.lines().forEach(l -> names.put(l.seat().key(), l.seat().name()));
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale());
        var grid = new Grid<MarkChange>();
        grid.addColumn(c -> format.format(c.changedAt().atZone(zone))).setHeader(getTranslation("roster.history.when"))
                .setAutoWidth(true);
        grid.addColumn(MarkChange::changedBy).setHeader(getTranslation("roster.history.who")).setAutoWidth(true);
        grid.addColumn(c -> names.getOrDefault(c.seat(), c.seat())).setHeader(getTranslation("roster.history.seat"))
                .setFlexGrow(1);
        grid.addColumn(c -> describe(c.before(), c.beforeLateMinutes(), c.beforeNote()) + " → "
                + describe(c.after(), c.afterLateMinutes(), c.afterNote()))
                .setHeader(getTranslation("roster.history.change")).setFlexGrow(2);
        grid.setItems(attendance.history(sessionId));
        grid.setId("roster-history-grid");
        add(grid);
        getFooter().add(new Button(getTranslation("roster.history.close"), e -> close()));
    }

    private String describe(@Nullable AttendanceStatus status, @Nullable Integer late, @Nullable String note) {
        if (status == null) {
            return getTranslation("roster.history.unmarked");
        }
        String text = getTranslation(status.messageKey());
        if (late != null) {
            text = getTranslation("roster.history.late", text, late);
        }
        return note == null ? text : text + " (" + note + ")";
    }
}
