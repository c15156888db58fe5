package io.campuscrm.security;

/** A user as other staff see them in pickers (whose timetable, who teaches): a name, nothing about their account. */
public record Colleague(long id, String displayName) {
}
