package io.campuscrm.admissions;

import java.util.Locale;

/**
 * Where a trial lesson stands: booked, then attended or not (no-show) as its session's roster was marked, or
 * cancelled (by admissions, or with its session).
 */
public enum TrialStatus {
    BOOKED, ATTENDED, NO_SHOW, CANCELLED;

    public String messageKey() {
        return "trial.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
