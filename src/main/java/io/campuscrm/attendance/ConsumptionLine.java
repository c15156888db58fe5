package io.campuscrm.attendance;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Lesson consumption (课消) and what is left of the prepaid packages (余费) of one course at one campus (the campus of
 * the packages; none for students without one), in one unit, over a period. Counted as the ledger booked it: what
 * was booked in the period (a correction counts in the period it was made), and the balances as they stood at the
 * period's end, so a period once printed never changes and the end's balances are the next period's start.
 *
 * @param consumed       lessons (or hours) consumed in the period, net of reversals
 * @param consumedValue  their value (课消金额)
 * @param forfeited      what expiry took in the period
 * @param remaining      lessons left of the packages at the period's end
 * @param remainingValue their value at the end (余费)
 * @param owed           lessons attended with nothing left to pay them, unpaid at the period's end
 */
public record ConsumptionLine(long courseId, @Nullable Long campusId, PackageUnit unit, BigDecimal consumed,
        BigDecimal consumedValue, BigDecimal forfeited, BigDecimal forfeitedValue, BigDecimal remaining,
        BigDecimal remainingValue, BigDecimal owed) {
}
