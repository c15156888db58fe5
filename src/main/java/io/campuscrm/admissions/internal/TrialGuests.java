package io.campuscrm.admissions.internal;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.campuscrm.attendance.SessionGuests;

/** The trial guests booked in sessions (decision 0077), for attendance's count of what is left for a make-up. */
@Component
class TrialGuests implements SessionGuests {

    private final TrialStore trials;

    TrialGuests(TrialStore trials) {
        this.trials = trials;
    }

    @Override
    public Map<Long, Integer> booked(Collection<Long> sessionIds) {
        return sessionIds.isEmpty() ? Map.of() : trials.seatsIn(sessionIds);
    }
}
