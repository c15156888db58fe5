package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Renewal (续费): the students whose package of a course ran out (used up, or expired with lessons left) from
 * {@code from} to {@code to} (inclusive) while they had no other package of it in force, and how many of them got
 * another package of the course by {@code windowDays} after it ran out; per course, per teacher (the teachers of the
 * class the student was last marked in, in that course) and in all. A student counts once per run-out.
 */
public record RenewalRates(LocalDate from, LocalDate to, int windowDays, List<Line> byCourse, List<Line> byTeacher,
        Line total) {

    public RenewalRates {
        byCourse = List.copyOf(byCourse);
        byTeacher = List.copyOf(byTeacher);
    }

    /**
     * @param id         the course's or teacher's id; null for run-outs with no class to tell the teacher by
     * @param ranOut     students whose package ran out
     * @param renewed    of them, those who got another within the window
     * @param windowOpen of the others, those whose window has not closed yet (they may still renew)
     */
    public record Line(@Nullable Long id, int ranOut, int renewed, int windowOpen) {

        /** Renewed over ran out, in per cent to one decimal; none when nothing ran out. */
        public @Nullable BigDecimal rate() {
            return ranOut == 0 ? null
                    : BigDecimal.valueOf(renewed * 100L).divide(BigDecimal.valueOf(ranOut), 1, RoundingMode.HALF_UP);
        }
    }
}
