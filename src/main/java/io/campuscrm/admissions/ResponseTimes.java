package io.campuscrm.admissions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How quickly the leads entered in the report's period were first contacted, per owner (their owner now; the pool's
 * leads together) and in all: from the inquiry ({@code created_at}) to the first contact ({@code first_contact_at}).
 */
public record ResponseTimes(List<Line> lines, Line total) {

    /** The hours within which a lead is "contacted in time". */
    public static final int WITHIN_HOURS = 48;

    public ResponseTimes {
        lines = List.copyOf(lines);
    }

    /**
     * @param ownerId   null for the leads in the pool
     * @param leads     the leads entered in the period
     * @param contacted of them, those contacted
     * @param median    the median time to first contact of the contacted ones; null when none was
     * @param average   their average; null when none was
     * @param inTime    of the leads, those contacted within {@value #WITHIN_HOURS} hours of their inquiry
     * @param due       of the leads, those whose {@value #WITHIN_HOURS} hours are over or who were contacted in time:
     *                  the share in time is {@code inTime} over these, so a lead that came in an hour ago does not
     *                  count against its owner yet
     */
    public record Line(@Nullable Long ownerId, ReportLabel owner, long leads, long contacted,
            @Nullable Duration median, @Nullable Duration average, long inTime, long due) {

        /** In time over due, as a fraction to three decimals; null when none is due. */
        public @Nullable BigDecimal inTimeShare() {
            return LeadFunnel.rate(inTime, due);
        }
    }
}
