package io.campuscrm.scheduling.ui;

import java.time.Clock;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.SchedulingNavigation;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.ui.WeekTimetable;
import io.campuscrm.students.StudentFileSection;

/** Adds the Timetable tab to the student file: the student's week, a block opening its class. */
@Component
class StudentTimetableSection implements StudentFileSection {

    private final TimetableService timetables;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final Clock clock;

    StudentTimetableSection(TimetableService timetables, InstitutionService institution, CurrentUser currentUser,
            Clock clock) {
        this.timetables = timetables;
        this.institution = institution;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleKey() {
        return "student.tab.timetable";
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.principal().isPresent();
    }

    @Override
    public com.vaadin.flow.component.Component create(long studentId) {
        var blocks = new TimetableBlocks(true, UI.getCurrent());
        var scope = TimetableScope.student(studentId);
        var week = new WeekTimetable(clock.withZone(institution.settings().timeZone()),
                monday -> blocks.of(timetables.sessionsBetween(scope, monday, monday.plusDays(7))));
        week.setId("student-timetable");
        week.getElement().getStyle().set("height", "36rem");
        week.addBlockClickListener(e -> blocks.classOf(e.getBlockId()).ifPresent(
                classId -> week.getUI().ifPresent(ui -> ui.navigate(SchedulingNavigation.classPage(classId)))));
        return week;
    }
}
