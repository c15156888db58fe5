package io.campuscrm.attendance;

import java.util.List;

import io.campuscrm.scheduling.ScheduledSession;

/**
 * A source of seats on sessions' rosters, as a Spring bean: attendance has the enrolled students and the make-up
 * students; admissions adds trial guests. The attendance service has checked that the user may read the session;
 * a source answers in a fixed number of statements, whatever the number of seats (no statement per seat).
 */
public interface RosterSeats {

    /** Lower comes first on the roster. */
    int order();

    List<RosterSeat> seats(ScheduledSession session);
}
