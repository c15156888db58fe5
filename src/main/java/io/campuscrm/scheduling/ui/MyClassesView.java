package io.campuscrm.scheduling.ui;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SchedulingNavigation;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.ui.LocalizedTitle;

import jakarta.annotation.security.RolesAllowed;

/** A teacher's own classes and this week's sessions; a row opens the class. */
@Route(SchedulingNavigation.MY_CLASSES)
@Menu(title = "nav.my-classes", order = 15, icon = "vaadin:calendar-clock")
@RolesAllowed("TEACHER")
class MyClassesView extends VerticalLayout implements LocalizedTitle {

    MyClassesView(ClassSearch classes, TimetableService timetable, InstitutionService institution,
            CurrentUser currentUser, Clock clock) {
        setSizeFull();
        var texts = ScheduleTexts.of(this);
        var today = LocalDate.now(clock.withZone(institution.settings().timeZone()));
        var monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long me = currentUser.principal().map(CampusPrincipal::userId).orElse(-1L);

        var week = new Grid<ScheduledSession>();
        week.addColumn(s -> texts.format().date(s.date())).setHeader(getTranslation("session.date"))
                .setAutoWidth(true);
        week.addColumn(texts::time).setHeader(getTranslation("session.time")).setAutoWidth(true);
        week.addColumn(s -> s.classCode() + " — " + s.className()).setHeader(getTranslation("class.name"))
                .setFlexGrow(1);
        week.addColumn(ScheduledSession::roomName).setHeader(getTranslation("session.room")).setAutoWidth(true);
        week.addColumn(s -> getTranslation(s.status().messageKey())).setHeader(getTranslation("session.status"))
                .setAutoWidth(true);
        week.setItems(timetable.sessionsBetween(TimetableScope.teacher(me), monday, monday.plusDays(7)));
        week.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(SchedulingNavigation.classPage(e.getItem().classId()))));
        week.setAllRowsVisible(true);
        week.setId("my-week");

        var mine = new Grid<ClassSummary>();
        mine.addColumn(ClassSummary::code).setHeader(getTranslation("class.code")).setAutoWidth(true);
        mine.addColumn(ClassSummary::name).setHeader(getTranslation("class.name")).setFlexGrow(1);
        mine.addColumn(c -> texts.recurrence(c.recurrence())).setHeader(getTranslation("class.schedule"))
                .setAutoWidth(true);
        mine.addColumn(ClassSummary::roomName).setHeader(getTranslation("class.room")).setAutoWidth(true);
        mine.setItems(query -> classes.find(ClassFilter.all(), VaadinSpringDataHelpers.toSpringPageRequest(query))
                .stream());
        mine.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(SchedulingNavigation.classPage(e.getItem().id()))));
        mine.setId("my-classes-grid");
        add(new H3(getTranslation("nav.my-classes")), mine);
        mine.setHeight("20rem");
        add(week);
    }

    @Override
    public String titleKey() {
        return "nav.my-classes";
    }
}
