package io.campuscrm.attendance.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.springframework.stereotype.Component;

import io.campuscrm.attendance.RosterSeat;
import io.campuscrm.attendance.RosterSeats;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.shared.i18n.ReaderLocale;
import io.campuscrm.students.StudentSearch;

/** Students making a missed lesson up in this session (补课), each noting the class and date they missed. */
@Component
class MakeUpSeats implements RosterSeats {

    static final String KIND = "make-up";

    private final LeaveStore leaves;
    private final StudentSearch students;
    private final ClassSearch classes;
    private final ReaderLocale locale;

    MakeUpSeats(LeaveStore leaves, StudentSearch students, ClassSearch classes, ReaderLocale locale) {
        this.leaves = leaves;
        this.students = students;
        this.classes = classes;
        this.locale = locale;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<RosterSeat> seats(ScheduledSession session) {
        var makeUps = leaves.makeUpsIn(session.sessionId());
        if (makeUps.isEmpty()) {
            return List.of();
        }
        var refs = students.references(makeUps.stream().map(LeaveStore.LeaveRow::studentId).toList());
        var labels = classes.labels(makeUps.stream().map(LeaveStore.LeaveRow::classId).distinct().toList());
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale.get());
        return makeUps.stream().filter(m -> refs.containsKey(m.studentId())).map(m -> {
            var label = labels.get(m.classId());
            String from = (label == null ? "" : label.code() + " · ") + dates.format(m.sessionDate());
            return new RosterSeat(RosterSeat.studentKey(m.studentId()), m.studentId(),
                    refs.get(m.studentId()).displayName(), KIND, from);
        }).toList();
    }
}
