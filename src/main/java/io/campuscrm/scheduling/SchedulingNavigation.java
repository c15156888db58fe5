package io.campuscrm.scheduling;

/**
 * The addresses of the scheduling views, for every module and for the module's own views and records (a timeline
 * entry links to a class): the URL is the truth about what is shown, so links can be bookmarked and the back button
 * works. Plain paths, no UI types: domain code may name a page without depending on Vaadin.
 */
public final class SchedulingNavigation {

    public static final String CLASSES = "classes";
    public static final String MY_CLASSES = "my-classes";
    public static final String TIMETABLE = "timetable";

    private SchedulingNavigation() {
    }

    /** {@code classes/42}: a class's page. */
    public static String classPage(long classId) {
        return CLASSES + "/" + classId;
    }

    /** {@code classes/42/sessions}: a tab of a class's page (students, sessions). */
    public static String classPage(long classId, String tab) {
        return classPage(classId) + "/" + tab;
    }

    /** {@code classes/new}: the form for a new class. */
    public static String newClass() {
        return CLASSES + "/new";
    }
}
