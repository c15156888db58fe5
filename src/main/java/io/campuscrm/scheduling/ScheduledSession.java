package io.campuscrm.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.timetable.TimetableBlock;

/**
 * A session as lists and timetables show it: its class, course, teachers (ids and names in the same order) and room,
 * its local date and times in the institution's time zone and the same as UTC instants, and its state.
 * {@code version} is what a move or cancellation of this session must quote.
 */
public record ScheduledSession(long sessionId, long classId, String classCode, String className, long courseId,
        String courseName, long campusId, List<Long> teacherIds, List<String> teacherNames, long roomId,
        String roomName, LocalDate date, LocalDateTime startsLocal, LocalDateTime endsLocal, Instant startAt,
        Instant endAt, SessionStatus status, @Nullable String cancelReason, SessionOrigin origin, boolean held,
        long version) {

    public boolean cancelled() {
        return status == SessionStatus.CANCELLED;
    }

    /**
     * This session as a week timetable shows and prints it: the class code, then the room (the course on a room's own
     * timetable, where every block names the same room) and the teachers; coloured by course; its id the session's.
     */
    public TimetableBlock asBlock(boolean roomShown) {
        return asBlock(roomShown, ", ");
    }

    /** The same, with the teachers separated as the reader's language separates a list (", ", "、"). */
    public TimetableBlock asBlock(boolean roomShown, String listSeparator) {
        String teachers = String.join(listSeparator, teacherNames);
        String where = roomShown ? roomName : courseName;
        return new TimetableBlock(String.valueOf(sessionId), classCode, teachers.isEmpty() ? where : where + " · "
                + teachers, startsLocal, endsLocal, "course-" + courseId, cancelled());
    }
}
