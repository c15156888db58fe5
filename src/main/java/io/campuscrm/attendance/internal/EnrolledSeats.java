package io.campuscrm.attendance.internal;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import com.ibm.icu.text.Collator;

import io.campuscrm.attendance.RosterSeat;
import io.campuscrm.attendance.RosterSeats;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SessionService;
import io.campuscrm.shared.i18n.ReaderLocale;
import io.campuscrm.students.StudentSearch;

/** The students enrolled in the session's class on its date, in the reader's alphabetical order (pinyin in Chinese). */
@Component
class EnrolledSeats implements RosterSeats {

    static final String KIND = "enrolled";

    private final SessionService sessions;
    private final StudentSearch students;
    private final ReaderLocale locale;

    EnrolledSeats(SessionService sessions, StudentSearch students, ReaderLocale locale) {
        this.sessions = sessions;
        this.students = students;
        this.locale = locale;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<RosterSeat> seats(ScheduledSession session) {
        var ids = sessions.enrolledStudents(session.sessionId());
        if (ids.isEmpty()) {
            return List.of();
        }
        var refs = students.references(ids);
        var collator = Collator.getInstance(locale.get());
        return refs.values().stream()
                .map(r -> new RosterSeat(RosterSeat.studentKey(r.id()), r.id(), r.displayName(), KIND, null))
                .sorted(Comparator.comparing(RosterSeat::name, collator::compare)).toList();
    }
}
