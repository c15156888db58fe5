package io.campuscrm.attendance;

import java.util.Collection;
import java.util.Map;

/**
 * Seats of sessions taken by guests who are not students (admissions' trial guests), as a Spring bean: what is left
 * of a session for a make-up counts them too. One statement, whatever the number of sessions.
 */
public interface SessionGuests {

    /** How many guest seats are booked in each of these sessions; a session without one is left out. */
    Map<Long, Integer> booked(Collection<Long> sessionIds);
}
