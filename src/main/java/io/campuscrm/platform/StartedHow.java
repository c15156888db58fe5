package io.campuscrm.platform;

/** Why a scheduled job ran: its schedule came, or a user ran it now. */
public enum StartedHow {
    SCHEDULE, USER;

    public String messageKey() {
        return "jobs.started." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
