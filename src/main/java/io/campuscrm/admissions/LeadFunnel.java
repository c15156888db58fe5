package io.campuscrm.admissions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The leads entered from {@code from} to {@code to} (inclusive, the institution's days) and how many of them reached
 * each stage of the pipeline, per value of {@code by} and in all. A lead reached a stage when its stage is that one
 * or a later one, or its history shows it there (a lead lost after its trial was booked reached Trial booked), or —
 * for Contacted — when it was first contacted. Lost counts the leads whose stage is Lost now.
 */
public record LeadFunnel(LocalDate from, LocalDate to, FunnelDimension by, List<Line> lines, Line total) {

    public LeadFunnel {
        lines = List.copyOf(lines);
    }

    /**
     * @param id    the source's, campaign's, owner's or campus's id; null for leads without a campaign, or in the pool
     * @param leads the leads entered in the period
     */
    public record Line(@Nullable Long id, ReportLabel label, long leads, long contacted, long trialBooked,
            long trialAttended, long enrolled, long lost) {

        /** The count of leads that reached each step: entered, contacted, trial booked, attended, enrolled. */
        public long[] steps() {
            return new long[] {leads, contacted, trialBooked, trialAttended, enrolled};
        }

        /** Contacted over entered, as a fraction (0.25 for 25%) to three decimals; null when none entered. */
        public @Nullable BigDecimal contactedRate() {
            return rate(contacted, leads);
        }

        public @Nullable BigDecimal trialBookedRate() {
            return rate(trialBooked, contacted);
        }

        public @Nullable BigDecimal trialAttendedRate() {
            return rate(trialAttended, trialBooked);
        }

        public @Nullable BigDecimal enrolledRate() {
            return rate(enrolled, trialAttended);
        }

        /** Enrolled over entered: the whole funnel's conversion. */
        public @Nullable BigDecimal overallRate() {
            return rate(enrolled, leads);
        }

        Line plus(Line other) {
            return new Line(null, label, leads + other.leads, contacted + other.contacted,
                    trialBooked + other.trialBooked, trialAttended + other.trialAttended, enrolled + other.enrolled,
                    lost + other.lost);
        }
    }

    /** {@code part} over {@code whole} to three decimals (a per-cent figure to one decimal); null when whole is 0. */
    public static @Nullable BigDecimal rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
