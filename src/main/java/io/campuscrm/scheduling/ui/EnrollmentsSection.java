package io.campuscrm.scheduling.ui;

import org.springframework.stereotype.Component;

import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.students.StudentFileSection;

/** Adds the Enrollments tab to the student file. */
@Component
class EnrollmentsSection implements StudentFileSection {

    private final EnrollmentService enrollments;
    private final CurrentUser currentUser;

    EnrollmentsSection(EnrollmentService enrollments, CurrentUser currentUser) {
        this.enrollments = enrollments;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleKey() {
        return "student.tab.enrollments";
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.principal().isPresent();
    }

    @Override
    public com.vaadin.flow.component.Component create(long studentId) {
        return new StudentEnrollmentsTab(enrollments, studentId);
    }
}
