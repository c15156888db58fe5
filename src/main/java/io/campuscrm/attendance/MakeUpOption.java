package io.campuscrm.attendance;

import io.campuscrm.scheduling.ScheduledSession;

/** A session where a student on leave could make the lesson up: same course, room left, no clash for them. */
public record MakeUpOption(ScheduledSession session, int freePlaces) {
}
