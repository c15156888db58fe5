package io.campuscrm.attendance.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;

import io.campuscrm.attendance.Leave;
import io.campuscrm.attendance.LeaveService;
import io.campuscrm.attendance.MakeUpOption;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

/** The make-up seats on offer for a leave: other sessions of the course with a place and no clash; one tap books. */
class MakeUpDialog extends Dialog {

    MakeUpDialog(LeaveService leaves, Leave leave, ZoneId zone, Runnable booked) {
        setHeaderTitle(getTranslation("leave.make-up.title"));
        setWidth("min(48rem, 95vw)");
        var locale = getLocale();
        var date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        var options = leaves.makeUpOptions(leave.id());
        if (options.isEmpty()) {
            add(new Paragraph(getTranslation("leave.make-up.none", LeaveService.MAKE_UP_DAYS)));
        } else {
            var grid = new Grid<MakeUpOption>();
            grid.addColumn(o -> date.format(o.session().date()) + " " + time.format(o.session().startsLocal()))
                    .setHeader(getTranslation("leave.date")).setAutoWidth(true);
            grid.addColumn(o -> o.session().classCode() + " — " + o.session().className())
                    .setHeader(getTranslation("leave.class")).setFlexGrow(1);
            grid.addColumn(o -> o.session().roomName()).setHeader(getTranslation("session.room")).setAutoWidth(true);
            grid.addColumn(MakeUpOption::freePlaces).setHeader(getTranslation("leave.make-up.free")).setAutoWidth(true);
            grid.addComponentColumn(o -> {
                var book = new Button(getTranslation("leave.make-up.book"), e -> {
                    try {
                        leaves.bookMakeUp(leave.id(), leave.version(), o.session().sessionId());
                        Notifications.success(getTranslation("leave.make-up.booked"));
                        booked.run();
                        close();
                    } catch (RuntimeException error) {
                        if (!ServiceErrors.show(this, error, field -> null, booked)) {
                            throw error;
                        }
                    }
                });
                book.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                return book;
            }).setHeader(getTranslation("package.actions")).setAutoWidth(true);
            grid.setItems(options);
            grid.setId("make-up-options");
            add(grid);
        }
        getFooter().add(new Button(getTranslation("leave.make-up.later"), e -> close()));
    }
}
