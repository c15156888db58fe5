package io.campuscrm.scheduling.internal;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.students.TeacherStudentScope;

/** A teacher's students: those enrolled in, or waiting for, a class the teacher teaches. */
@Component
class TeacherStudents implements TeacherStudentScope {

    private final JdbcTemplate jdbc;

    TeacherStudents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> studentIdsTaughtBy(long teacherUserId) {
        return new HashSet<>(jdbc.queryForList("""
                SELECT DISTINCT e.student_id FROM class_teacher ct
                JOIN class_enrollment e ON e.class_id = ct.class_id AND e.status IN ('ENROLLED', 'WAITING')
                WHERE ct.user_id = ?
                """, Long.class, teacherUserId));
    }
}
