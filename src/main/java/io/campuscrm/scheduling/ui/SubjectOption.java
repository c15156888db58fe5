package io.campuscrm.scheduling.ui;

/**
 * A campus, teacher, room, class or student offered by the timetable view's picker. Equal by id: the label of the
 * one named in the URL may be worded a little differently from the same one in the list.
 */
record SubjectOption(long id, String label) {

    @Override
    public boolean equals(Object other) {
        return other instanceof SubjectOption o && o.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
