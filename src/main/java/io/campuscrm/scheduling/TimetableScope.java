package io.campuscrm.scheduling;

import java.util.Optional;

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

    /** The scope a URL or a report parameter names: {@code campus}, {@code teacher}, {@code room}, {@code class}, {@code student}. */
    static Optional<TimetableScope> of(String kind, long id) {
        return Optional.ofNullable(switch (kind) {
            case "campus" -> campus(id);
            case "teacher" -> teacher(id);
            case "room" -> room(id);
            case "class" -> schoolClass(id);
            case "student" -> student(id);
            default -> null;
        });
    }

    /** How {@link #of} names this scope's kind. */
    default String kind() {
        return switch (this) {
            case CampusScope c -> "campus";
            case TeacherScope t -> "teacher";
            case RoomScope r -> "room";
            case ClassScope c -> "class";
            case StudentScope s -> "student";
        };
    }

    /** The campus's, teacher's (user's), room's, class's or student's id. */
    default long id() {
        return switch (this) {
            case CampusScope c -> c.campusId();
            case TeacherScope t -> t.userId();
            case RoomScope r -> r.roomId();
            case ClassScope c -> c.classId();
            case StudentScope s -> s.studentId();
        };
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
