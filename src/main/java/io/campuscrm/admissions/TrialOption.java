package io.campuscrm.admissions;

import io.campuscrm.scheduling.ScheduledSession;

/** A session a lead's child may be booked into as a trial guest, and how many of its room's seats are free. */
public record TrialOption(ScheduledSession session, int freeSeats) {
}
