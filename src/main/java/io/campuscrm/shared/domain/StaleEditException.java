package io.campuscrm.shared.domain;

import java.time.Instant;

/** Someone else saved the same record after this user opened it; the UI offers to reload. */
public class StaleEditException extends RuntimeException {

    private final String changedBy;
    private final Instant changedAt;

    public StaleEditException(String changedBy, Instant changedAt) {
        super("Changed by " + changedBy + " at " + changedAt);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
