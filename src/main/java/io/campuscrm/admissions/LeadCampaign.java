package io.campuscrm.admissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A campaign: what the school spent ({@code cost}, in the institution's currency, two decimals), through which source
 * and over which days (both included), so that cost per lead and per enrollment can be reported by channel.
 */
public record LeadCampaign(long id, String name, long sourceId, LocalDate startsOn, LocalDate endsOn, BigDecimal cost,
        long version, Instant createdAt, @Nullable String createdBy, @Nullable Instant updatedAt,
        @Nullable String updatedBy) {

    /** Whether the campaign runs on that day. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** The campaign as its form edits it. */
    public CampaignDraft toDraft() {
        return new CampaignDraft(name, sourceId, startsOn, endsOn, cost);
    }
}
