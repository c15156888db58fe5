package io.campuscrm.admissions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A campaign that ran on some day of the report's period, what it cost, and the leads it brought and how many of
 * them enrolled (their stage is Enrolled, whenever they enrolled). For a reader of some campuses only (or a report
 * narrowed to a campus) the leads are those of these campuses, and the cost is the campaign's share by its leads
 * there: its cost times its leads there over all its leads.
 *
 * @param cost the campaign's cost, or its share, in the institution's currency, two decimals
 */
public record CampaignCost(long id, String name, long sourceId, ReportLabel source, LocalDate startsOn,
        LocalDate endsOn, BigDecimal cost, long leads, long enrolled) {

    /** Cost over enrolled leads, two decimals; null when none enrolled. */
    public @Nullable BigDecimal costPerEnrolment() {
        return perEnrolment(cost, enrolled);
    }

    public static @Nullable BigDecimal perEnrolment(BigDecimal cost, long enrolled) {
        return enrolled == 0 ? null : cost.divide(BigDecimal.valueOf(enrolled), 2, RoundingMode.HALF_UP);
    }
}
