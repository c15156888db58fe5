package io.campuscrm.students;

import com.vaadin.flow.component.Component;

/**
 * A tab another module adds to the student file (scheduling adds "Enrollments"), as a Spring bean. The students
 * module has checked that the user may read the student before {@link #create} is called.
 */
public interface StudentFileSection {

    /** Lower comes first, after the students module's own details and family tabs. */
    int order();

    /** The i18n key of the tab's title. */
    String titleKey();

    boolean visibleToCurrentUser();

    /** A fresh component for this student's file, built when the tab is first shown. */
    Component create(long studentId);
}
