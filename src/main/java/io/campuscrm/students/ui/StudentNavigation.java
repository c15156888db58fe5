package io.campuscrm.students.ui;

import com.vaadin.flow.component.UI;

/**
 * How other modules link to the student views: the list, and a student's file (optionally on a tab). The URL is
 * the truth about which student and tab are shown, so links can be bookmarked and the back button works.
 */
public final class StudentNavigation {

    public static final String LIST = "students";

    private StudentNavigation() {
    }

    /** {@code students/42}. */
    public static String file(long studentId) {
        return LIST + "/" + studentId;
    }

    /** {@code students/42/documents}; tabs: details, family, documents, notes, timeline, or a section's own. */
    public static String file(long studentId, String tab) {
        return file(studentId) + "/" + tab;
    }

    public static void openFile(long studentId) {
        UI.getCurrent().navigate(file(studentId));
    }
}
