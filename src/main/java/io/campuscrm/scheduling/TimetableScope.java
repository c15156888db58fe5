package io.campuscrm.scheduling;

/**
 * Whose timetable: a campus's, a teacher's, a room's, a class's or a student's. What the signed-in user may see narrows it
 * further (campus-limited users see their campuses only; teachers only their own classes).
 */
public sealed interface TimetableScope {

    static TimetableScope campus(long campusId) {
        return new CampusScope(campusId);
    }

    static TimetableScope teacher(long userId) {
        return new TeacherScope(userId);
    }

    static TimetableScope room(long roomId) {
        return new RoomScope(roomId);
    }

    static TimetableScope schoolClass(long classId) {
        return new ClassScope(classId);
    }

    /** The sessions of the classes a student is enrolled in, each from the first day to the last of the stay. */
    static TimetableScope student(long studentId) {
        return new StudentScope(studentId);
    }

    record CampusScope(long campusId) implements TimetableScope {
    }

    record TeacherScope(long userId) implements TimetableScope {
    }

    record RoomScope(long roomId) implements TimetableScope {
    }

    record ClassScope(long classId) implements TimetableScope {
    }

    record StudentScope(long studentId) implements TimetableScope {
    }
}
