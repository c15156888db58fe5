package io.campuscrm.attendance.ui;

import java.util.function.Function;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.attendance.AttendanceAlert;
import io.campuscrm.attendance.AttendanceAlert.AbsenceStreak;
import io.campuscrm.attendance.AttendanceAlert.Criteria;
import io.campuscrm.attendance.AttendanceAlert.ExpiringPackage;
import io.campuscrm.attendance.AttendanceAlert.LowBalance;
import io.campuscrm.attendance.AttendanceAlert.LowRate;
import io.campuscrm.attendance.AttendanceAlert.OwedLesson;
import io.campuscrm.attendance.AttendanceAlerts;
import io.campuscrm.shared.ui.Badge;

/**
 * The content of each alert tab: what the list looks for, in a sentence with today's settings, and a lazy grid of
 * it whose first columns name the student and link to their file.
 */
final class AlertGrids {

    private final Component owner;
    private final AttendanceAlerts alerts;
    private final Criteria criteria;
    private final AlertFormat format;

    AlertGrids(Component owner, AttendanceAlerts alerts, Criteria criteria, AlertFormat format) {
        this.owner = owner;
        this.alerts = alerts;
        this.criteria = criteria;
        this.format = format;
    }

    Component absences() {
        var grid = grid(AlertTab.ABSENCES, alerts::absenceStreaks);
        grid.addColumn(AbsenceStreak::classLabel).setHeader(text("attendance.alerts.class")).setFlexGrow(1);
        grid.addColumn(AbsenceStreak::absences).setHeader(text("attendance.alerts.absences")).setAutoWidth(true);
        grid.addColumn(a -> format.date(a.lastAbsence())).setHeader(text("attendance.alerts.last-absence"))
                .setAutoWidth(true);
        return tab(owner.getTranslation("attendance.alerts.absences.caption", criteria.consecutiveAbsences(),
                format.date(criteria.absencesSince())), grid);
    }

    Component lowRates() {
        var grid = grid(AlertTab.LOW_RATE, alerts::lowRates);
        grid.addColumn(r -> format.rate(r.rate())).setHeader(text("attendance.alerts.rate")).setAutoWidth(true);
        grid.addColumn(LowRate::attended).setHeader(text("attendance.alerts.attended")).setAutoWidth(true);
        grid.addColumn(LowRate::marked).setHeader(text("attendance.alerts.marked")).setAutoWidth(true);
        return tab(owner.getTranslation("attendance.alerts.low-rate.caption", format.rate(criteria.rateThreshold()),
                format.date(criteria.rateFrom()), criteria.rateWeeks()), grid);
    }

    Component lowBalances() {
        var grid = grid(AlertTab.LOW_BALANCE, alerts::lowBalances);
        grid.addColumn(LowBalance::courseName).setHeader(text("attendance.alerts.course")).setFlexGrow(1);
        grid.addColumn(b -> b.remaining().toPlainString()).setHeader(text("attendance.alerts.remaining"))
                .setAutoWidth(true);
        grid.addColumn(b -> format.date(b.nextExpiry())).setHeader(text("attendance.alerts.next-expiry"))
                .setAutoWidth(true);
        return tab(owner.getTranslation("attendance.alerts.low-balance.caption", criteria.lowBalance()), grid);
    }

    Component expiring() {
        var grid = grid(AlertTab.EXPIRING, alerts::expiringPackages);
        grid.addColumn(ExpiringPackage::courseName).setHeader(text("attendance.alerts.course")).setFlexGrow(1);
        grid.addColumn(p -> format.quantity(p.remaining(), p.unit())).setHeader(text("attendance.alerts.remaining"))
                .setAutoWidth(true);
        grid.addColumn(p -> format.money(p.remainingValue())).setHeader(text("attendance.alerts.remaining-value"))
                .setAutoWidth(true);
        grid.addColumn(p -> format.date(p.expiresOn())).setHeader(text("attendance.alerts.expires-on"))
                .setAutoWidth(true);
        grid.addComponentColumn(p -> p.warned() ? new Badge(text("attendance.alerts.warned.yes"), Badge.Tone.SUCCESS)
                : new Badge(text("attendance.alerts.warned.no"), Badge.Tone.CONTRAST))
                .setHeader(text("attendance.alerts.warned")).setAutoWidth(true);
        return tab(owner.getTranslation("attendance.alerts.expiring.caption", format.date(criteria.warnUntil())),
                grid);
    }

    Component owed() {
        var grid = grid(AlertTab.OWING, alerts::owedLessons);
        grid.addColumn(OwedLesson::courseName).setHeader(text("attendance.alerts.course")).setFlexGrow(1);
        grid.addColumn(o -> format.date(o.sessionDate())).setHeader(text("attendance.alerts.session-date"))
                .setAutoWidth(true);
        grid.addColumn(o -> format.quantity(o.quantity(), o.unit())).setHeader(text("attendance.alerts.owed"))
                .setAutoWidth(true);
        grid.addColumn(o -> format.money(o.value())).setHeader(text("attendance.alerts.value")).setAutoWidth(true);
        return tab(text("attendance.alerts.owing.caption"), grid);
    }

    private <T extends AttendanceAlert> Grid<T> grid(AlertTab tab, Function<Pageable, Slice<T>> list) {
        var grid = new Grid<T>();
        grid.setId("alerts-" + tab.key());
        grid.addComponentColumn(a -> AlertFormat.student(a.student())).setHeader(text("attendance.alerts.student"))
                .setFlexGrow(1);
        grid.addColumn(a -> a.student().studentNumber()).setHeader(text("attendance.alerts.student-number"))
                .setAutoWidth(true);
        grid.setItems(query -> list.apply(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setEmptyStateText(text("attendance.alerts.empty"));
        return grid;
    }

    private static Component tab(String caption, Grid<?> grid) {
        var content = new VerticalLayout(new Paragraph(caption), grid);
        content.setPadding(false);
        content.setSizeFull();
        grid.setHeight("32rem");
        return content;
    }

    private String text(String key) {
        return owner.getTranslation(key);
    }
}
