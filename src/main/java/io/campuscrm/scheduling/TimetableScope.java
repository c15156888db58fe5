package io.campuscrm.scheduling;

/**
 * Whose timetable: a campus's, a teacher's, a room's or a class's. What the signed-in user may see narrows it
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

    record CampusScope(long campusId) implements TimetableScope {
    }

    record TeacherScope(long userId) implements TimetableScope {
    }

    record RoomScope(long roomId) implements TimetableScope {
    }

    record ClassScope(long classId) implements TimetableScope {
    }
}
