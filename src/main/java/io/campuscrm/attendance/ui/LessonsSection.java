package io.campuscrm.attendance.ui;

import java.time.Clock;

import com.vaadin.flow.component.Component;

import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.LeaveService;
import io.campuscrm.attendance.LessonPackageService;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.StudentFileSection;

/** The "Lessons" tab of the student file: packages, what is left of them (余费), attendance over the last months. */
@org.springframework.stereotype.Component
class LessonsSection implements StudentFileSection {

    private final LessonPackageService packages;
    private final AttendanceService attendance;
    private final CourseService courses;
    private final LeaveService leaves;
    private final TimetableService timetable;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final Clock clock;

    LessonsSection(LessonPackageService packages, AttendanceService attendance, CourseService courses,
            LeaveService leaves, TimetableService timetable, InstitutionService institution, CurrentUser currentUser,
            Clock clock) {
        this.leaves = leaves;
        this.timetable = timetable;
        this.packages = packages;
        this.attendance = attendance;
        this.courses = courses;
        this.institution = institution;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String titleKey() {
        return "student.tab.lessons";
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.principal().isPresent();
    }

    @Override
    public Component create(long studentId) {
        boolean office = currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.ADMISSIONS);
        var settings = institution.settings();
        return new LessonsTab(packages, attendance, courses, settings, currentUser.hasRole(Role.ADMIN), office, clock,
                studentId, new LeavesPanel(leaves, timetable, studentId, office, clock, settings.timeZone()));
    }
}
