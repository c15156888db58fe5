package io.campuscrm.attendance;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.campuscrm.scheduling.ClassLabel;

/**
 * A class's attendance for one month, as a paper sheet prints it: the month's sessions that take place (cancelled ones
 * only counted), the students who were in the class at some point of the month or were marked in it (make-ups), and
 * the marks. Students come in no particular order: the reader's language decides it.
 */
public record MonthSheet(ClassLabel schoolClass, YearMonth month, List<Session> sessions, int cancelledSessions,
        List<Student> students, List<Cell> marks) {

    public MonthSheet {
        sessions = List.copyOf(sessions);
        students = List.copyOf(students);
        marks = List.copyOf(marks);
    }

    /** A session of the month, in the institution's time zone. */
    public record Session(long sessionId, LocalDateTime startsLocal, LocalDateTime endsLocal) {
    }

    /** A row of the sheet; {@code studentNumber} is blank for a student the reader may not see. */
    public record Student(long studentId, String studentNumber, String name) {
    }

    /** A student's mark on one of the sessions. */
    public record Cell(long studentId, long sessionId, AttendanceStatus status, @Nullable Integer lateMinutes) {
    }
}
