package io.campuscrm.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.campuscrm.attendance.AttendanceStatus;

/** A line of {@code reports/attendance-summary.jrxml}: what it is of, its counts per status, all marks and the rate. */
final class AttendanceSummaryRows {

    static final String TEMPLATE = "attendance-summary";

    private AttendanceSummaryRows() {
    }

    /** @param ratePercent the rate in per cent, as attendance gives it; the template prints a fraction as a per cent */
    static Map<String, ?> row(String code, String name, Map<AttendanceStatus, Integer> counts,
            @Nullable BigDecimal ratePercent) {
        Map<String, Object> row = new HashMap<>();
        row.put("code", code);
        row.put("name", name);
        row.put("present", counts.getOrDefault(AttendanceStatus.PRESENT, 0));
        row.put("late", counts.getOrDefault(AttendanceStatus.LATE, 0));
        row.put("absent", counts.getOrDefault(AttendanceStatus.ABSENT, 0));
        row.put("excused", counts.getOrDefault(AttendanceStatus.EXCUSED, 0));
        row.put("leftEarly", counts.getOrDefault(AttendanceStatus.LEFT_EARLY, 0));
        row.put("marks", counts.values().stream().mapToInt(Integer::intValue).sum());
        row.put("rate", ratePercent == null ? null : ratePercent.divide(BigDecimal.valueOf(100), 3,
                RoundingMode.UNNECESSARY));
        return row;
    }
}
