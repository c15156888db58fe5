package io.campuscrm.scheduling;

/** Where a class stands: planned, open for enrollment, running, finished, or cancelled (its future sessions too). */
public enum ClassStatus {
    PLANNED, OPEN, RUNNING, FINISHED, CANCELLED;

    public String messageKey() {
        return "class.status." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether sessions may still be generated, moved or added. */
    public boolean schedulable() {
        return this == PLANNED || this == OPEN || this == RUNNING;
    }
}
