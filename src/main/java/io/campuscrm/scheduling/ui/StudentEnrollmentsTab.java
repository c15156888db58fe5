package io.campuscrm.scheduling.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.campuscrm.scheduling.Enrollment;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.SchedulingNavigation;

/** The Enrollments tab of a student file: current and past classes, latest first; a row opens the class. */
class StudentEnrollmentsTab extends VerticalLayout {

    StudentEnrollmentsTab(EnrollmentService enrollments, long studentId) {
        setPadding(false);
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        var list = enrollments.ofStudent(studentId);
        if (list.isEmpty()) {
            add(new Paragraph(getTranslation("student.enrollments.empty")));
            return;
        }
        var grid = new Grid<Enrollment>();
        grid.addColumn(e -> e.classCode() + " — " + e.className()).setHeader(getTranslation("class.name"))
                .setFlexGrow(1);
        grid.addComponentColumn(e -> EnrollmentTexts.status(this, e)).setHeader(getTranslation("enrollment.status"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.enrolledOn() == null ? "" : dates.format(e.enrolledOn()))
                .setHeader(getTranslation("enrollment.enrolled-on")).setAutoWidth(true);
        grid.addColumn(e -> e.withdrawnOn() == null ? "" : dates.format(e.withdrawnOn()))
                .setHeader(getTranslation("enrollment.left-on")).setAutoWidth(true);
        grid.addColumn(e -> e.otherClassCode() == null ? "" : e.otherClassCode())
                .setHeader(getTranslation("enrollment.other-class")).setAutoWidth(true);
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(SchedulingNavigation.classPage(e.getItem().classId()))));
        grid.setId("student-enrollments");
        add(grid);
    }
}
