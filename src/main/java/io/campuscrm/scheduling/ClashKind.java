package io.campuscrm.scheduling;

/** What two overlapping sessions share. */
public enum ClashKind {
    ROOM, TEACHER, STUDENT
}
