package io.campuscrm.admissions.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.TrialBooking;
import io.campuscrm.attendance.RosterSeat;
import io.campuscrm.attendance.RosterSeats;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SessionTags;
import io.campuscrm.shared.i18n.ReaderLocale;

/**
 * Trial guests as seats of their session's attendance roster (kind {@code trial}, key {@code trial:<id>}, no
 * student; the note names the guardian) and as a tag on the session in the week timetable ("2 trials"). The
 * attendance and scheduling services have checked that the user may read the session; each answer is one statement.
 */
@Component
class TrialSeats implements RosterSeats, SessionTags {

    static final String KIND = "trial";

    private final TrialStore trials;
    private final MessageSource messages;
    private final ReaderLocale locale;

    TrialSeats(TrialStore trials, MessageSource messages, ReaderLocale locale) {
        this.trials = trials;
        this.messages = messages;
        this.locale = locale;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<RosterSeat> seats(ScheduledSession session) {
        var reader = locale.get();
        return trials.guestsOf(session.sessionId()).stream().map(g -> new RosterSeat(
                TrialBooking.seatKey(g.trialId()), null, g.childName(), KIND, g.guardianName() == null
                        ? messages.getMessage("trial.seat.note", null, reader)
                        : messages.getMessage("trial.seat.note-guardian", new Object[] {g.guardianName()}, reader)))
                .toList();
    }

    @Override
    public Map<Long, Tag> tags(Collection<Long> sessionIds) {
        Map<Long, Tag> tags = new HashMap<>();
        trials.seatsIn(sessionIds).forEach((id, count) -> tags.put(id, new Tag("trial.timetable.tag", count)));
        return tags;
    }
}
