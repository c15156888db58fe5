package io.campuscrm.admissions;

import java.util.Locale;

/** What the lead funnel is broken down by: the leads' source, campaign, owner (or the pool) or campus. */
public enum FunnelDimension {
    SOURCE, CAMPAIGN, OWNER, CAMPUS;

    public String messageKey() {
        return "report.admissions.by." + name().toLowerCase(Locale.ROOT);
    }
}
