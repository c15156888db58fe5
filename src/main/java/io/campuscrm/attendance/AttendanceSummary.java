package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A student's attendance from {@code from} to {@code to} (inclusive), per class and in all: how many marks of each
 * status. The rate is attended (present, late, left early) over all marks, in per cent to one decimal; none without
 * marks.
 */
public record AttendanceSummary(long studentId, LocalDate from, LocalDate to, List<PerClass> classes,
        Map<AttendanceStatus, Integer> total) {

    public AttendanceSummary {
        classes = List.copyOf(classes);
        total = Map.copyOf(total);
    }

    /** One class's counts; {@code label} is "CODE — name", or the id when the reader may no longer see the class. */
    public record PerClass(long classId, String label, Map<AttendanceStatus, Integer> counts) {

        public PerClass {
            counts = Map.copyOf(counts);
        }

        public @Nullable BigDecimal rate() {
            return AttendanceSummary.rate(counts);
        }
    }

    public @Nullable BigDecimal rate() {
        return rate(total);
    }

    public static @Nullable BigDecimal rate(Map<AttendanceStatus, Integer> counts) {
        int all = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (all == 0) {
            return null;
        }
        int attended = counts.getOrDefault(AttendanceStatus.PRESENT, 0) + counts.getOrDefault(AttendanceStatus.LATE, 0)
                + counts.getOrDefault(AttendanceStatus.LEFT_EARLY, 0);
        return BigDecimal.valueOf(attended * 100L).divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP);
    }

    static Map<AttendanceStatus, Integer> empty() {
        return new EnumMap<>(AttendanceStatus.class);
    }
}
