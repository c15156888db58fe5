package io.campuscrm.scheduling.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.security.CurrentUser;

/**
 * Serialises concurrent changes to the same rooms and teachers: before a transaction checks for clashes it locks the
 * rows of the rooms and teachers involved ({@code SELECT … FOR UPDATE}), so a second transaction touching any of
 * them waits until the first commits and then sees its sessions. Locks are always taken in the same order (the class
 * rows first, by the caller, in id order; then rooms by id; then teachers by user id; then students by id), so two
 * changes cannot deadlock each other.
 * The checks run in READ COMMITTED, so after the wait they read what the first transaction committed.
 */
@Component
public class ScheduleLocks {

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TeacherStudents teacherStudents;

    ScheduleLocks(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock, TeacherStudents teacherStudents) {
        this.jdbc = jdbc;
        this.teacherStudents = teacherStudents;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Locks the rooms and then the teachers, each in ascending id order. */
    public void lock(Collection<Long> roomIds, Collection<Long> teacherIds) {
        lock(roomIds, teacherIds, java.util.List.of());
    }

    /** Locks the rooms, then the teachers, then the students, each in ascending id order. */
    public void lock(Collection<Long> roomIds, Collection<Long> teacherIds, Collection<Long> studentIds) {
        teacherStudents.changing();
        var rooms = new TreeSet<>(roomIds);
        if (!rooms.isEmpty()) {
            jdbc.queryForList("SELECT id FROM room WHERE id IN (" + SessionStore.placeholders(rooms.size())
                    + ") ORDER BY id FOR UPDATE", Long.class, rooms.toArray());
        }
        lockTeachers(teacherIds);
        lockStudents(studentIds);
    }

    /** Students have a lock row of their own here: the students module's tables are not ours to lock. */
    private void lockStudents(Collection<Long> studentIds) {
        var students = new TreeSet<>(studentIds);
        if (students.isEmpty()) {
            return;
        }
        jdbc.update("INSERT INTO enrollment_student_lock (student_id) VALUES "
                + String.join(",", java.util.Collections.nCopies(students.size(), "(?)"))
                + " ON DUPLICATE KEY UPDATE student_id = student_id", students.toArray());
    }

    /**
     * Locks the teachers' rows, creating those that do not exist yet. {@code ON DUPLICATE KEY UPDATE} takes an
     * exclusive lock on an existing row straight away, where a plain insert-if-missing followed by a locking read
     * would take a shared lock first and let two transactions deadlock upgrading it.
     */
    private void lockTeachers(Collection<Long> teacherIds) {
        var teachers = new TreeSet<>(teacherIds);
        if (teachers.isEmpty()) {
            return;
        }
        var now = SessionStore.utc(clock.instant().truncatedTo(ChronoUnit.MICROS));
        String user = currentUser.username();
        List<Object> args = new ArrayList<>();
        for (long id : teachers) {
            args.add(id);
            args.add(now);
            args.add(user);
            args.add(now);
            args.add(user);
        }
        jdbc.update("INSERT INTO teacher (user_id, version, created_at, created_by, updated_at, updated_by) VALUES "
                + String.join(",", java.util.Collections.nCopies(teachers.size(), "(?, 0, ?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE user_id = user_id", args.toArray());
    }
}
