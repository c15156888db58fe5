package io.campuscrm.admissions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/**
 * A campaign as it is entered or edited. The service refuses, each on its field, a missing name or one another
 * campaign has, a source that is not an active one, a period that ends before it starts, and a cost below zero or
 * with more than two decimals.
 */
public record CampaignDraft(@Size(max = 120) String name, long sourceId, LocalDate startsOn, LocalDate endsOn,
        BigDecimal cost) {

    /** A new campaign's form: running from today for a month, nothing spent yet. */
    public static CampaignDraft startingOn(LocalDate today) {
        return new CampaignDraft("", 0, today, today.plusMonths(1).minusDays(1), BigDecimal.ZERO.setScale(2));
    }
}
