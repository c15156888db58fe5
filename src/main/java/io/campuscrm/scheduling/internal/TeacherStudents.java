package io.campuscrm.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.campuscrm.students.TeacherStudentScope;

/**
 * A teacher's students: those enrolled in, or waiting for, a class the teacher teaches. Every page of a teacher's
 * student list and every file they open asks for this set, so it is kept per teacher until the schedule changes:
 * any change that takes {@link ScheduleLocks} (enrollments, classes and their teachers) forgets all sets once it
 * commits. Changes committed by another application node are seen after at most {@link #MAX_AGE}.
 */
@Component
class TeacherStudents implements TeacherStudentScope {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private record Known(long generation, Instant loadedAt, Set<Long> studentIds) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Long, Known> known = new ConcurrentHashMap<>();

    TeacherStudents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Set<Long> studentIdsTaughtBy(long teacherUserId) {
        long current = generation.get();
        Instant now = clock.instant();
        var cached = known.get(teacherUserId);
        if (cached != null && cached.generation() == current && now.isBefore(cached.loadedAt().plus(MAX_AGE))) {
            return cached.studentIds();
        }
        var ids = Set.copyOf(new HashSet<>(jdbc.queryForList("""
                SELECT DISTINCT e.student_id FROM class_teacher ct
                JOIN class_enrollment e ON e.class_id = ct.class_id AND e.status IN ('ENROLLED', 'WAITING')
                WHERE ct.user_id = ?
                """, Long.class, teacherUserId)));
        // read under the generation seen before the query: a change committed meanwhile makes the next call reload
        known.put(teacherUserId, new Known(current, now, ids));
        return ids;
    }

    /** The schedule is changing in the current transaction: forget every teacher's set once (and if) it commits. */
    void changing() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    private void forget() {
        generation.incrementAndGet();
        known.clear();
    }
}
