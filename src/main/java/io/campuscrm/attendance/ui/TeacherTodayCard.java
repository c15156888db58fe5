package io.campuscrm.attendance.ui;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

import io.campuscrm.attendance.AttendanceNavigation;
import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.SessionAttendance;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;

/** The teacher's card: today's sessions, and how many sessions of the last two weeks still need attendance. */
@Component
class TeacherTodayCard implements DashboardCard {

    private final AttendanceService attendance;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final Clock clock;

    TeacherTodayCard(AttendanceService attendance, InstitutionService institution, CurrentUser currentUser,
            Clock clock) {
        this.attendance = attendance;
        this.institution = institution;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.TEACHER);
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        var ui = UI.getCurrent();
        var today = LocalDate.now(clock.withZone(institution.settings().timeZone()));
        var sessions = attendance.mySessions(today.minusDays(TodayView.LOOK_BACK_DAYS), today.plusDays(1));
        long todays = sessions.stream().filter(s -> s.session().date().equals(today) && !s.session().cancelled())
                .count();
        long open = sessions.stream().filter(s -> !s.session().startAt().isAfter(clock.instant())
                && (s.state() == SessionAttendance.State.NOT_TAKEN
                        || s.state() == SessionAttendance.State.PARTLY_TAKEN)).count();
        var link = Card.link(ui.getTranslation("dashboard.teacher-today.open"), AttendanceNavigation.TODAY);
        link.setId("teacher-today-open");
        var card = new Card(ui.getTranslation("dashboard.teacher-today.title"), Card.count(todays),
                ui.getTranslation("dashboard.teacher-today.caption", open), link);
        card.setId("teacher-today-card");
        return card;
    }
}
