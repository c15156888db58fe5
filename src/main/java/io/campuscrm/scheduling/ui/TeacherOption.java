package io.campuscrm.scheduling.ui;

/** A teacher as the class form offers them. */
record TeacherOption(long id, String name) {
}
