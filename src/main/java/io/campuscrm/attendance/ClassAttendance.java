package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.campuscrm.scheduling.ClassLabel;

/**
 * Every student of a class over a period (inclusive): those enrolled at some point of it and those marked in it, each
 * with their marks counted per status and the rate by {@link AttendanceSummary#rate(Map)}.
 */
public record ClassAttendance(ClassLabel schoolClass, LocalDate from, LocalDate to, List<StudentLine> students) {

    public ClassAttendance {
        students = List.copyOf(students);
    }

    /** One student's counts; {@code studentNumber} is blank and the name "#id" for a student the reader may not see. */
    public record StudentLine(long studentId, String studentNumber, String name,
            Map<AttendanceStatus, Integer> counts) {

        public StudentLine {
            counts = Map.copyOf(counts);
        }

        public @Nullable BigDecimal rate() {
            return AttendanceSummary.rate(counts);
        }
    }

    /** The class's counts: every student's added up. */
    public Map<AttendanceStatus, Integer> total() {
        Map<AttendanceStatus, Integer> total = new EnumMap<>(AttendanceStatus.class);
        students.forEach(s -> s.counts().forEach((status, n) -> total.merge(status, n, Integer::sum)));
        return total;
    }

    public @Nullable BigDecimal rate() {
        return AttendanceSummary.rate(total());
    }
}
