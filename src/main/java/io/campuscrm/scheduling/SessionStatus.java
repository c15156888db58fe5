package io.campuscrm.scheduling;

/** A session takes place (scheduled) or not (cancelled, with a reason). Cancelled sessions never clash. */
public enum SessionStatus {
    SCHEDULED, CANCELLED;

    public String messageKey() {
        return "session.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
