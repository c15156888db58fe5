package io.campuscrm.students.internal;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Student and family numbers from MariaDB sequences: S000123, F000045. A sequence never hands out a value twice,
 * even when the transaction that took it rolls back, so a number is never reused (a rolled-back one leaves a gap).
 */
@Component
public class StudentNumbers {

    private final JdbcTemplate jdbc;

    StudentNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String format(long value) {
        return String.format("S%06d", value);
    }

    public static String formatFamily(long value) {
        return String.format("F%06d", value);
    }

    public String nextStudentNumber() {
        return format(next("student_number_seq"));
    }

    public String nextFamilyNumber() {
        return formatFamily(next("family_number_seq"));
    }

    /** {@code count} student numbers in one round trip, for the bulk loader. */
    public List<String> nextStudentNumbers(int count) {
        return block("student_number_seq", count).stream().map(StudentNumbers::format).toList();
    }

    public List<String> nextFamilyNumbers(int count) {
        return block("family_number_seq", count).stream().map(StudentNumbers::formatFamily).toList();
    }

    private long next(String sequence) {
        return jdbc.queryForObject("SELECT NEXTVAL(" + sequence + ")", Long.class);
    }

    /** MariaDB's sequence engine ({@code seq_1_to_n}) gives n rows, each taking the next value. */
    private List<Long> block(String sequence, int count) {
        if (count <= 0) {
            return List.of();
        }
        return jdbc.queryForList("SELECT NEXTVAL(" + sequence + ") FROM seq_1_to_" + count, Long.class);
    }
}
