package io.campuscrm.attendance.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.AttendanceTaken;
import io.campuscrm.institution.Settings;
import io.campuscrm.notifications.MailKind;
import io.campuscrm.scheduling.ClassSearch;

/**
 * Tells the guardians when a student is marked absent without leave, if the school wants it
 * ({@link AttendanceSettings#ABSENCE_EMAIL}): one e-mail to each guardian with an address, naming the student, the
 * class and the day. A mark changed to absent counts, first taken or corrected later; a change to any other status
 * writes nothing. Each absence is written about once ({@link AbsenceNotices}): a retried event, a later save that
 * only changes the note, or a mark set to absent a second time finds it told already. Runs as the system after the
 * save committed (decision 0060).
 */
@Component
class AbsenceMail {

    private final Settings settings;
    private final AbsenceNotices notices;
    private final GuardianMail mail;
    private final ClassSearch classes;
    private final Clock clock;

    AbsenceMail(Settings settings, AbsenceNotices notices, GuardianMail mail, ClassSearch classes, Clock clock) {
        this.settings = settings;
        this.notices = notices;
        this.mail = mail;
        this.classes = classes;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AttendanceTaken event) {
        if (!settings.get(AttendanceSettings.ABSENCE_EMAIL)) {
            return;
        }
        var absent = event.changed().stream().filter(c -> c.status() == AttendanceStatus.ABSENT)
                .map(AttendanceTaken.Changed::studentId).distinct().toList();
        var claimed = notices.claim(event.sessionId(), absent, clock.instant());
        if (claimed.isEmpty()) {
            return;
        }
        var label = classes.labels(List.of(event.classId())).get(event.classId());
        String className = label == null ? "#" + event.classId() : label.name();
        mail.recipients(claimed).values().forEach(recipients -> recipients.forEach(to -> mail.send(MailKind.ABSENCE,
                to, List.of(to.studentName(), className, GuardianMail.date(to, event.date())))));
    }
}
