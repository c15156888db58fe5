package io.campuscrm.attendance.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import io.campuscrm.attendance.AttendanceNavigation;
import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.SessionAttendance;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.LocalizedTitle;

import jakarta.annotation.security.RolesAllowed;

/**
 * The teacher's home: past sessions whose attendance is still not taken first, then today's, then the next seven
 * days (a rolling week, so that a Friday still shows Monday's); each one tap from its roster.
 */
@Route(AttendanceNavigation.TODAY)
@Menu(title = "nav.today", order = 1, icon = "vaadin:check-square-o")
@RolesAllowed("TEACHER")
class TodayView extends VerticalLayout implements LocalizedTitle {

    /** How far back a session not taken is still listed. */
    static final int LOOK_BACK_DAYS = 14;
    /** How far ahead the coming sessions are listed. */
    static final int AHEAD_DAYS = 7;

    TodayView(AttendanceService attendance, InstitutionService institution, Clock clock) {
        setId("today");
        addClassName("teacher-day");
        var today = LocalDate.now(clock.withZone(institution.settings().timeZone()));
        var all = attendance.mySessions(today.minusDays(LOOK_BACK_DAYS), today.plusDays(1 + AHEAD_DAYS));
        var overdue = all.stream().filter(s -> s.session().date().isBefore(today)
                && (s.state() == SessionAttendance.State.NOT_TAKEN
                        || s.state() == SessionAttendance.State.PARTLY_TAKEN)).toList();
        var todays = all.stream().filter(s -> s.session().date().equals(today)).toList();
        var later = all.stream().filter(s -> s.session().date().isAfter(today)).toList();
        if (!overdue.isEmpty()) {
            section("today.overdue", overdue, true, "today-overdue");
        }
        section("today.today", todays, false, "today-sessions");
        section("today.later", later, true, "today-later");
    }

    private void section(String titleKey, List<SessionAttendance> sessions, boolean withDate, String id) {
        var list = new Div();
        list.setId(id);
        list.addClassName("roster-grid");
        add(new H3(getTranslation(titleKey)));
        if (sessions.isEmpty()) {
            add(new Span(getTranslation("today.none")));
            return;
        }
        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale());
        var date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        for (var item : sessions) {
            var s = item.session();
            String when = (withDate ? date.format(s.date()) + " · " : "") + time.format(s.startsLocal()) + "–"
                    + time.format(s.endsLocal());
            var open = new Button(s.classCode() + " — " + s.className(), e -> getUI().ifPresent(ui -> ui.navigate(
                    AttendanceNavigation.roster(s.sessionId()))));
            open.setWidthFull();
            open.setEnabled(!s.cancelled());
            var tone = switch (item.state()) {
                case TAKEN -> Badge.Tone.SUCCESS;
                case PARTLY_TAKEN -> Badge.Tone.CONTRAST;
                case CANCELLED -> Badge.Tone.ERROR;
                case NOT_TAKEN -> Badge.Tone.NEUTRAL;
            };
            var facts = new Div(new Span(when + " · " + s.roomName() + " "), new Badge(getTranslation(
                    item.state().messageKey()), tone));
            facts.addClassName("seat-facts");
            var card = new Div(open, facts);
            card.addClassName("seat-card");
            card.getElement().setAttribute("data-session", String.valueOf(s.sessionId()));
            list.add(card);
        }
        add(list);
    }

    @Override
    public String titleKey() {
        return "nav.today";
    }
}
